package io.ferrymq.protocol.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code wire-capture-5.2.0.log} (a test resource): one line per frame,
 * {@code <ts> NS|BR C->S|S->C st=<type> <JSON header> body=<text | BIN(n) hex>}, plus CONNECT and
 * {@code ==== PHASE} lines, which are skipped.
 */
final class WireCapture {
    static final String RESOURCE = "/wire-capture-5.2.0.log";
    private static final Pattern FRAME = Pattern.compile("^\\S+ (NS|BR) (C->S|S->C) st=(\\d+) ");
    private static final Pattern BINARY = Pattern.compile("^BIN\\((\\d+)\\) ?([0-9a-fA-F]*)");
    private static final String BODY = " body=";

    private WireCapture() {}

    static List<CaptureFrame> frames() {
        List<CaptureFrame> frames = new ArrayList<>();
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            CaptureFrame frame = parse(i + 1, lines.get(i));
            if (frame != null) {
                frames.add(frame);
            }
        }
        return frames;
    }

    /** Lines that claim to be frames, to check that {@link #frames()} missed none. */
    static long frameLineCount() {
        return lines().stream().filter(line -> FRAME.matcher(line).find()).count();
    }

    static CaptureFrame parse(int number, String line) {
        Matcher frame = FRAME.matcher(line);
        if (!frame.find()) {
            return null;
        }
        int start = frame.end();
        int end = endOfJsonObject(line, start);
        String header = line.substring(start, end);
        if (!line.startsWith(BODY, end)) {
            throw new IllegalStateException("line " + number + ": no body= after the header");
        }
        String bodyText = line.substring(end + BODY.length());
        return new CaptureFrame(
                number, frame.group(1), frame.group(2), Integer.parseInt(frame.group(3)), header, body(bodyText));
    }

    private static byte[] body(String text) {
        Matcher binary = BINARY.matcher(text);
        if (binary.find() && binary.end() == text.length()) {
            // the capture keeps only a prefix of binary bodies; use what is there
            return HexFormat.of().parseHex(binary.group(2));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The index just past the JSON object starting at {@code start}, skipping braces inside strings. */
    static int endOfJsonObject(String line, int start) {
        if (line.charAt(start) != '{') {
            throw new IllegalStateException("header does not start with '{' at " + start);
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalStateException("unterminated JSON header");
    }

    private static List<String> lines() {
        try (InputStream in = WireCapture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
