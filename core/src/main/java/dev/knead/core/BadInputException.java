package dev.knead.core;

/**
 * Input a user gave (a file, a flag, a parameter) is wrong. The message is one line that
 * names the source and the problem; doors turn it into exit code 2 or an HTTP 400.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
