package io.productsync.report.alias;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an alias file: UTF-8 (a byte order mark is skipped), the header {@code alias,wms_sku,kind} first, then one
 * alias per line; fields may be quoted as in RFC 4180 ({@code "a,b"}, {@code ""} for a quote) but not span lines, since
 * no SKU holds a line break. Blank lines are skipped and keep their numbers. Whole-file problems are thrown; a line that
 * does not split into three fields is returned with its problem, for the preview to show.
 */
public final class AliasCsv {

    public static final String HEADER = "alias,wms_sku,kind";
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_LINES = 10_000;

    private AliasCsv() {}

    /** The whole file is refused: nothing in it is applied. */
    public static class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The file is over a limit (answered 413). */
    public static final class TooLarge extends Unreadable {
        TooLarge(String message) {
            super(message);
        }
    }

    public static List<AliasCsvLine> read(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw tooManyBytes();
        }
        String[] lines = text(file).split("\n", -1);
        String header = field(lines[0]).strip();
        if (!header.equalsIgnoreCase(HEADER)) {
            throw new Unreadable("the first line must be the header '" + HEADER + "', was '"
                    + (header.length() > 60 ? header.substring(0, 60) + "..." : header) + "'");
        }
        List<AliasCsvLine> read = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = field(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            if (read.size() == MAX_LINES) {
                throw new TooLarge("the file has more than " + MAX_LINES + " aliases: split it into files of at most "
                        + MAX_LINES + " lines");
            }
            read.add(parse(i + 1, line));
        }
        return read;
    }

    public static TooLarge tooManyBytes() {
        return new TooLarge("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB: split it into smaller files"
                + " (at most " + MAX_LINES + " lines each)");
    }

    /** A line without its Windows line end. */
    private static String field(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String text(byte[] file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file);
        CharBuffer out = CharBuffer.allocate(file.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += file[i] == '\n' ? 1 : 0;
            }
            throw new Unreadable("the file is not UTF-8 text (line " + line + " holds a byte that is not): save it as"
                    + " \"CSV UTF-8\"");
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static AliasCsvLine parse(int number, String line) {
        List<String> fields = new ArrayList<>(3);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted) {
                return refused(
                        number, line, "text after a closing quote: quote the whole field, a quote inside as \"\"");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return refused(number, line, "a quote is not closed");
        }
        fields.add(field.toString());
        if (fields.size() != 3) {
            return refused(number, line, "has " + fields.size() + " fields, expected 3: " + HEADER);
        }
        return new AliasCsvLine(number, fields.get(0), fields.get(1), fields.get(2), null);
    }

    private static AliasCsvLine refused(int number, String line, String problem) {
        return new AliasCsvLine(number, line.length() > 60 ? line.substring(0, 60) + "..." : line, null, null, problem);
    }
}
