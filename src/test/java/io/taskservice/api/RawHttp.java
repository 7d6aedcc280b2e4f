package io.taskservice.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, one request per connection: it sends what a client library refuses
 * (malformed paths and percent-encoding, a Content-Length that is not the body's, odd headers) and tells a
 * response from a connection closed without one.
 */
final class RawHttp {

    /** A request exactly as it goes on the wire; {@code contentLength} null means the body's length. */
    record Request(String method, String target, List<String[]> headers, byte[] body, Long contentLength) {

        byte[] bytes() {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            if (body != null || contentLength != null) {
                head.append("Content-Length: ").append(contentLength != null ? contentLength : body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        /** The request as text for a failure message, long values and bodies shortened, controls escaped. */
        String describe() {
            String text = new String(bytes(), StandardCharsets.ISO_8859_1);
            StringBuilder out = new StringBuilder();
            for (String line : text.split("\r\n", -1)) {
                out.append("    ").append(escape(line.length() > 300
                        ? line.substring(0, 200) + "...(" + line.length() + " chars)..." + line.substring(line.length() - 100) : line))
                        .append('\n');
            }
            return out.toString();
        }
    }

    /** A response; {@code body} is de-chunked. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The connection closed (or timed out) before a complete status line and headers arrived. */
    static final class NoResponse extends Exception {
        NoResponse(String message) {
            super(message);
        }
    }

    private RawHttp() {
    }

    static Response send(int port, Request request) throws NoResponse {
        byte[] received;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes());
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading all we send (a 413, a 414): read what came.
            }
            received = readAll(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new NoResponse("no complete answer within 15 s");
        } catch (IOException e) {
            throw new NoResponse("connection failed: " + e);
        }
        return parse(received);
    }

    /**
     * Reads until the response is complete (its Content-Length, its last chunk, or the end of the stream): a
     * server may keep the connection open after answering, e.g. to drain a body that was declared but not sent.
     */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; !complete(data.toByteArray()) && (n = in.read(buffer)) >= 0; ) {
                data.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException || data.size() == 0) {
                throw e;
            } // a reset after the answer arrived: keep the answer
        }
        return data.toByteArray();
    }

    private static boolean complete(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            return data.length - end - 4 >= Long.parseLong(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
    }

    private static Response parse(byte[] data) throws NoResponse {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new NoResponse(data.length == 0 ? "connection closed without a response"
                    : "incomplete response: " + escape(text.substring(0, Math.min(200, text.length()))));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new NoResponse("not an HTTP response: " + escape(lines[0]));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(data, end + 4, data.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (body.length < length) {
                throw new NoResponse("body shorter than its Content-Length: " + body.length + " < " + length);
            }
            body = java.util.Arrays.copyOf(body, length);
        }
        return new Response(Integer.parseInt(statusLine[1]), headers, body);
    }

    private static byte[] dechunk(byte[] chunked) throws NoResponse {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(chunked, at);
            if (lineEnd < 0) {
                throw new NoResponse("truncated chunked body");
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                return out.toByteArray();
            }
            if (lineEnd + 2 + size > chunked.length) {
                throw new NoResponse("truncated chunked body");
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrlf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    static List<String[]> headers(String... nameValues) {
        List<String[]> headers = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(new String[] {nameValues[i], nameValues[i + 1]});
        }
        return headers;
    }
}
