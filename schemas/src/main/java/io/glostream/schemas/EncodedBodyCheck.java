package io.glostream.schemas;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Walks an Avro binary body against its writer schema without building anything, to find
 * truncation, corruption and trailing bytes before the real decoder runs. Avro's decoder allocates a
 * string, byte buffer or array as large as the length or count it reads, so a corrupt length could
 * ask for gigabytes; after this check passes, every length and count is backed by bytes that exist.
 */
final class EncodedBodyCheck {

    private static final int MAX_INT_VARINT_BYTES = 5;
    private static final int MAX_LONG_VARINT_BYTES = 10;

    private final byte[] data;
    private int position;

    private EncodedBodyCheck(byte[] data, int offset) {
        this.data = data;
        this.position = offset;
    }

    /**
     * Checks that {@code data} from {@code offset} to its end holds exactly one value of
     * {@code writer}.
     *
     * @return what is wrong, with byte offsets into {@code data}, or empty when the body is sound
     */
    static Optional<String> findProblem(Schema writer, byte[] data, int offset) {
        EncodedBodyCheck check = new EncodedBodyCheck(data, offset);
        try {
            check.value(writer);
        } catch (Malformed e) {
            return Optional.of(e.getMessage());
        }
        int trailing = data.length - check.position;
        return trailing == 0
                ? Optional.empty()
                : Optional.of(trailing + " trailing byte(s) after the record, from byte " + check.position);
    }

    private void value(Schema schema) throws Malformed {
        switch (schema.getType()) {
            case NULL -> { }
            case BOOLEAN -> {
                int start = position;
                int b = nextByte("boolean", start);
                if (b > 1) {
                    throw new Malformed("boolean at byte " + start + " is " + b + ", not 0 or 1");
                }
            }
            case INT -> varint(MAX_INT_VARINT_BYTES, "int");
            case LONG -> varint(MAX_LONG_VARINT_BYTES, "long");
            case FLOAT -> skip(4, "float");
            case DOUBLE -> skip(8, "double");
            case STRING -> skip(length("string"), "string");
            case BYTES -> skip(length("bytes"), "bytes");
            case FIXED -> skip(schema.getFixedSize(), "fixed " + schema.getFullName());
            case ENUM -> index(schema.getEnumSymbols().size(), "enum " + schema.getFullName() + " index");
            case UNION -> value(schema.getTypes().get(index(schema.getTypes().size(), "union index")));
            case ARRAY -> blocks(schema.getElementType(), false);
            case MAP -> blocks(schema.getValueType(), true);
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    value(field.schema());
                }
            }
        }
    }

    private void blocks(Schema items, boolean keyed) throws Malformed {
        String kind = keyed ? "map" : "array";
        boolean itemsTakeBytes = keyed || takesBytes(items, new HashSet<>());
        for (long count = varint(MAX_LONG_VARINT_BYTES, kind + " block count"); count != 0;
                count = varint(MAX_LONG_VARINT_BYTES, kind + " block count")) {
            long declaredSize = -1;
            if (count < 0) {
                // A negative count announces a block byte size, written so readers can skip the block.
                count = count == Long.MIN_VALUE ? Long.MAX_VALUE : -count;
                declaredSize = length(kind + " block size");
                if (declaredSize > remaining()) {
                    throw new Malformed(truncated(kind + " block of " + declaredSize + " bytes", position));
                }
            }
            int blockStart = position;
            if (itemsTakeBytes && count > remaining()) {
                throw new Malformed(truncated(kind + " block of " + count + " items", blockStart));
            }
            // Items that encode to zero bytes (nulls, empty records) leave nothing to walk.
            for (long i = 0; itemsTakeBytes && i < count; i++) {
                if (keyed) {
                    skip(length("map key"), "map key");
                }
                value(items);
            }
            if (declaredSize >= 0 && position - blockStart != declaredSize) {
                throw new Malformed(kind + " block at byte " + blockStart + " declares " + declaredSize
                        + " bytes but its items take " + (position - blockStart));
            }
        }
    }

    /** Whether every value of this schema takes at least one byte; false only for null-like types. */
    private static boolean takesBytes(Schema schema, Set<String> recordsInProgress) {
        return switch (schema.getType()) {
            case NULL -> false;
            case FIXED -> schema.getFixedSize() > 0;
            case RECORD -> !recordsInProgress.add(schema.getFullName())
                    || schema.getFields().stream().anyMatch(f -> takesBytes(f.schema(), recordsInProgress));
            default -> true;
        };
    }

    private int index(int size, String what) throws Malformed {
        int start = position;
        long index = varint(MAX_INT_VARINT_BYTES, what);
        if (index < 0 || index >= size) {
            throw new Malformed(what + " " + index + " at byte " + start + " is outside [0, " + size + ")");
        }
        return (int) index;
    }

    private long length(String what) throws Malformed {
        int start = position;
        long length = varint(MAX_LONG_VARINT_BYTES, what + " length");
        if (length < 0) {
            throw new Malformed("negative " + what + " length " + length + " at byte " + start);
        }
        return length;
    }

    private void skip(long length, String what) throws Malformed {
        if (length > remaining()) {
            throw new Malformed(truncated(what + " of " + length + " bytes", position));
        }
        position += (int) length;
    }

    /** Reads a zig-zag varint as Avro writes ints and longs. */
    private long varint(int maxBytes, String what) throws Malformed {
        int start = position;
        long raw = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = nextByte(what, start);
            raw |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new Malformed(what + " at byte " + start + " is not a valid varint (over " + maxBytes + " bytes)");
    }

    private int nextByte(String what, int start) throws Malformed {
        if (position >= data.length) {
            throw new Malformed(truncated(what, start));
        }
        return data[position++] & 0xFF;
    }

    private int remaining() {
        return data.length - position;
    }

    private String truncated(String what, int start) {
        return "truncated: " + what + " at byte " + start + " runs past the end (" + data.length + " bytes)";
    }

    /** A problem found in the body; no stack trace, it only carries the message out of the walk. */
    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
