package io.productsync.poller.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a reader: comma separated, fields optionally in double quotes, {@code ""} for a quote inside
 * quotes, line breaks (LF or CRLF) allowed inside quotes. Lenient about stray quotes in unquoted fields.
 */
final class CsvReader {

    private static final int EOF = -1;

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of input. */
    CsvRecord next() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == EOF) {
                String error = quoted ? "quoted field is not closed before the end of the file" : null;
                fields.add(field.toString());
                return new CsvRecord(startLine, fields, raw.toString(), error);
            }
            if (quoted) {
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                        raw.append("\"\"");
                    } else {
                        quoted = false;
                        raw.append('"');
                        unread(next);
                    }
                } else {
                    countLine(c);
                    field.append((char) c);
                    raw.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                raw.append(',');
            } else if (c == '\n' || c == '\r' && peekNewline()) {
                line++;
                fields.add(field.toString());
                return new CsvRecord(startLine, fields, raw.toString(), null);
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                raw.append('"');
            } else {
                field.append((char) c);
                raw.append((char) c);
            }
            c = read();
        }
    }

    /** Consumes the LF of a CRLF; a lone CR is ordinary text. */
    private boolean peekNewline() throws IOException {
        int next = read();
        if (next == '\n') {
            return true;
        }
        unread(next);
        return false;
    }

    private void countLine(int c) {
        if (c == '\n') {
            line++;
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
