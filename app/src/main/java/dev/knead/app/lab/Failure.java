package dev.knead.app.lab;

import dev.knead.core.BadInputException;

/**
 * Why a run or a live stream stopped, as the lab reports it: an HTTP-style status (400 when
 * the person's input was at fault, 500 when Knead was), one line for the person, and the
 * exception itself for the log, so the stack trace is not lost with the message.
 */
record Failure(int status, String message, Throwable cause) {
  static Failure of(Throwable e) {
    if (e instanceof LabException le) {
      return new Failure(le.status(), le.getMessage(), e);
    }
    if (e instanceof BadInputException) {
      return new Failure(400, e.getMessage(), e);
    }
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new Failure(500, "internal error (" + what + "; the lab's log has the details)", e);
  }

  /** A refusal before any work started (no exception). */
  static Failure refused(int status, String why) {
    return new Failure(status, why, null);
  }
}
