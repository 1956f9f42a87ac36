package io.glostream.trainer.model;

/** The three encoder/decoder pathways of GloCTM. */
public enum Pathway {
    /** The shared pathway over the polyglot-augmented joint vocabulary [V1 | V2]. */
    GLOBAL,
    /** Language 1's own pathway over its bag of words. */
    LOCAL_1,
    /** Language 2's own pathway over its bag of words. */
    LOCAL_2;

    /** The local pathway of language 1 or 2. */
    public static Pathway local(int language) {
        return switch (language) {
            case 1 -> LOCAL_1;
            case 2 -> LOCAL_2;
            default -> throw new IllegalArgumentException("language must be 1 or 2, got " + language);
        };
    }
}
