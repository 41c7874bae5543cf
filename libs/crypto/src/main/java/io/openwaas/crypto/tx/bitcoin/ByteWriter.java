package io.openwaas.crypto.tx.bitcoin;

import java.io.ByteArrayOutputStream;

/** Little-endian serialisation helpers of the Bitcoin wire format. */
final class ByteWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    ByteWriter u32(long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    ByteWriter u64(long v) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    ByteWriter compactSize(long n) {
        if (n < 0xfd) {
            out.write((int) n);
        } else if (n <= 0xffff) {
            out.write(0xfd);
            out.write((int) n);
            out.write((int) (n >>> 8));
        } else if (n <= 0xffffffffL) {
            out.write(0xfe);
            u32(n);
        } else {
            out.write(0xff);
            u64(n);
        }
        return this;
    }

    ByteWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    ByteWriter varBytes(byte[] b) {
        compactSize(b.length);
        out.writeBytes(b);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
