package dev.knead.app.lab;

/**
 * A request the lab refuses: the HTTP status, the request field at fault and one line for the
 * person. Handlers throw it; the server turns it into {@code {"error": …, "field": …}}.
 */
public final class LabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;

  public LabException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static LabException bad(String field, String message) {
    return new LabException(400, field, message);
  }

  public static LabException notFound(String field, String message) {
    return new LabException(404, field, message);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
