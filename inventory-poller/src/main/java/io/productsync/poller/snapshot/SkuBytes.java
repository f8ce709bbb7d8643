package io.productsync.poller.snapshot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A SKU as the bytes {@link KeyFingerprints} stores: UTF-8, except that a lone surrogate (which a valid SKU may hold,
 * and which UTF-8 would turn into '?') is written as the three bytes of its code unit, as WTF-8 does. So two different
 * Strings never give the same bytes, and the bytes always give back the String they came from.
 */
final class SkuBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private SkuBytes() {}

    /** {@code key} from {@code from} to its end. */
    static byte[] encode(String key, int from) {
        int length = key.length() - from;
        byte[] ascii = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = key.charAt(from + i);
            if (c >= 0x80) {
                return encodeAnyChars(key, from);
            }
            ascii[i] = (byte) c;
        }
        return ascii;
    }

    private static byte[] encodeAnyChars(String key, int from) {
        byte[] out = new byte[(key.length() - from) * 3];
        int n = 0;
        for (int i = from; i < key.length(); i++) {
            char c = key.charAt(i);
            int code = c;
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                code = Character.toCodePoint(c, key.charAt(++i));
            }
            if (code < 0x80) {
                out[n++] = (byte) code;
            } else if (code < 0x800) {
                out[n++] = (byte) (0xC0 | code >> 6);
                out[n++] = (byte) (0x80 | code & 0x3F);
            } else if (code < 0x10000) {
                out[n++] = (byte) (0xE0 | code >> 12);
                out[n++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | code & 0x3F);
            } else {
                out[n++] = (byte) (0xF0 | code >> 18);
                out[n++] = (byte) (0x80 | code >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | code & 0x3F);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The String that {@link #encode} turned into {@code bytes[from, from + length)}. */
    static String decode(byte[] bytes, int from, int length) {
        int end = from + length;
        for (int i = from; i < end; i++) {
            if (bytes[i] < 0) {
                return decodeAnyBytes(bytes, from, end);
            }
        }
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    private static String decodeAnyBytes(byte[] bytes, int from, int end) {
        StringBuilder out = new StringBuilder(end - from);
        int i = from;
        while (i < end) {
            int lead = bytes[i] & 0xFF;
            int trailing = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
            int code = trailing == 0 ? lead : lead & (0x3F >> trailing);
            for (int k = 1; k <= trailing; k++) {
                code = code << 6 | bytes[i + k] & 0x3F;
            }
            out.appendCodePoint(code);
            i += 1 + trailing;
        }
        return out.toString();
    }

    /** SplitMix64's finalizer over 8 bytes at a time, folded to 32 bits. */
    static int hash(byte[] bytes, int from, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            h = Fingerprints.mix(h ^ (long) LONGS.get(bytes, i));
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = Fingerprints.mix(h ^ tail);
        return (int) (h ^ h >>> 32);
    }
}
