package dev.knead.core.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows the double quotes of the CSV text passing through it, as RFC 4180 reads them, so that
 * a quoted field left open at the end of the file is an error: the parser would take the rest
 * of the file as that one field and a wrong data set would load without a word.
 */
final class QuoteWatch extends FilterReader {
  private final char separator;
  private boolean fieldStart = true;
  private boolean lineStart = true;
  private boolean comment;
  private boolean quoted;
  /** A quote seen inside a quoted field: the closing one, or the first of a doubled pair. */
  private boolean quoteInQuoted;
  private long line = 1;
  private long openedOn;

  QuoteWatch(Reader in, char separator) {
    super(in);
    this.separator = separator;
  }

  /** @return the line where a quoted field opened and never closed, or 0 */
  long openQuoteLine() {
    return quoted && !quoteInQuoted ? openedOn : 0;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      see((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = 0; i < n; i++) {
      see(buf[off + i]);
    }
    return n;
  }

  private void see(char c) {
    if (quoted) {
      if (quoteInQuoted) {
        quoteInQuoted = false;
        if (c == '"') {
          return; // "" inside a quoted field
        }
        quoted = false; // that quote closed the field; c is read below as plain text
      } else {
        if (c == '"') {
          quoteInQuoted = true;
        } else if (c == '\n') {
          line++;
        }
        return;
      }
    }
    if (c == '\n' || c == '\r') {
      if (c == '\n') {
        line++;
      }
      fieldStart = lineStart = true;
      comment = false;
      return;
    }
    if (comment) {
      return;
    }
    if (lineStart && c == '#') {
      comment = true;
      return;
    }
    lineStart = false;
    if (c == separator) {
      fieldStart = true;
    } else if (c == '"' && fieldStart) {
      quoted = true;
      openedOn = line;
      fieldStart = false;
    } else if (c != ' ' && c != '\t') {
      fieldStart = false;
    }
  }
}
