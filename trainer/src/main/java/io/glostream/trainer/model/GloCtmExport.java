package io.glostream.trainer.model;

/**
 * A trained model's weights as plain arrays, for ONNX export and bundles: the mean path of each encoder
 * and the topic-word matrix. Arrays are copies.
 *
 * @param numTopics K
 * @param vocab1 language 1's vocabulary size V1
 * @param vocab2 language 2's vocabulary size V2
 * @param global the global encoder (input dimension V1 + V2)
 * @param local1 language 1's local encoder (input dimension V1)
 * @param local2 language 2's local encoder (input dimension V2)
 * @param topicWord beta = [beta_1 | beta_2], row-major {@code [K x (V1 + V2)]}: each topic is one row over
 *     the joint vocabulary (unnormalised decoder weights, before the decoder's batch norm and softmax)
 */
public record GloCtmExport(
        int numTopics,
        int vocab1,
        int vocab2,
        TrainedEncoder global,
        TrainedEncoder local1,
        TrainedEncoder local2,
        float[] topicWord) {

    /** The encoder of one pathway. */
    public TrainedEncoder encoder(Pathway pathway) {
        return switch (pathway) {
            case GLOBAL -> global;
            case LOCAL_1 -> local1;
            case LOCAL_2 -> local2;
        };
    }
}
