package io.glostream.schemas;

/**
 * Serdes for the glostream contracts. The factories without arguments share one default
 * {@link SchemaStore}; register older or newer writer schemas there (see {@link #defaultStore()})
 * or pass a store of your own.
 */
public final class GlostreamSerdes {

    private static final SchemaStore DEFAULT_STORE = new SchemaStore();

    private GlostreamSerdes() {
    }

    /** The store shared by the factories without arguments. */
    public static SchemaStore defaultStore() {
        return DEFAULT_STORE;
    }

    /** Serde for the documents topic, backed by the default store. */
    public static AvroSerde<Document> document() {
        return document(DEFAULT_STORE);
    }

    /** Serde for the document-topics topic, backed by the default store. */
    public static AvroSerde<DocumentTopics> documentTopics() {
        return documentTopics(DEFAULT_STORE);
    }

    /** Serde for dead-letter topics, backed by the default store. */
    public static AvroSerde<DeadLetter> deadLetter() {
        return deadLetter(DEFAULT_STORE);
    }

    /** Serde for the model control topic, backed by the default store. */
    public static AvroSerde<ModelRef> modelRef() {
        return modelRef(DEFAULT_STORE);
    }

    /** Serde for the documents topic, finding writer schemas in {@code store}. */
    public static AvroSerde<Document> document(SchemaStore store) {
        return new AvroSerde<>(Document.class, store);
    }

    /** Serde for the document-topics topic, finding writer schemas in {@code store}. */
    public static AvroSerde<DocumentTopics> documentTopics(SchemaStore store) {
        return new AvroSerde<>(DocumentTopics.class, store);
    }

    /** Serde for dead-letter topics, finding writer schemas in {@code store}. */
    public static AvroSerde<DeadLetter> deadLetter(SchemaStore store) {
        return new AvroSerde<>(DeadLetter.class, store);
    }

    /** Serde for the model control topic, finding writer schemas in {@code store}. */
    public static AvroSerde<ModelRef> modelRef(SchemaStore store) {
        return new AvroSerde<>(ModelRef.class, store);
    }
}
