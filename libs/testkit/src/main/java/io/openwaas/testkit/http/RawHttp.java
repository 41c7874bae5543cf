package io.openwaas.testkit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that puts exactly the given bytes on the wire: the request target as written (double slashes,
 * percent-escapes, dot segments and {@code ;} are not normalised, as RestAssured and {@code java.net.URI} would),
 * the headers as given and the body either with a {@code Content-Length} or in chunks. One request per connection
 * ({@code Connection: close}); the answer is read to the end.
 */
public final class RawHttp {

    /** A response: status, headers (names lower-cased, last value wins) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** How the body goes on the wire. */
    public enum Framing {
        /** {@code Content-Length: n}, also for an empty body ({@code Content-Length: 0}). */
        LENGTH,
        /** {@code Transfer-Encoding: chunked}, in chunks of at most 7 bytes, so a body spans several. */
        CHUNKED,
        /** Neither header: no body at all (the body must be empty). */
        NONE
    }

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code method target HTTP/1.1} with the headers and no body. */
    public Answer send(String method, String target, Map<String, String> headers) {
        return send(method, target, headers, "", Framing.NONE);
    }

    /**
     * @param target  the request target exactly as written on the request line (path and query)
     * @param headers added after {@code Host} and {@code Connection}; may hold {@code Content-Type}
     */
    public Answer send(String method, String target, Map<String, String> headers, String body, Framing framing) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (framing == Framing.NONE && bytes.length > 0) {
            throw new IllegalArgumentException("a body needs a framing");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            switch (framing) {
                case LENGTH -> head.append("Content-Length: ").append(bytes.length).append("\r\n");
                case CHUNKED -> head.append("Transfer-Encoding: chunked\r\n");
                case NONE -> { }
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (framing == Framing.LENGTH) {
                out.write(bytes);
            } else if (framing == Framing.CHUNKED) {
                for (int i = 0; i < bytes.length; i += 7) {
                    int n = Math.min(7, bytes.length - i);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(bytes, i, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + ": " + e.getMessage(), e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response head: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < raw.length) {
            int lineEnd = indexOfCrLf(raw, pos);
            String sizeLine = new String(raw, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(raw, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }
}
