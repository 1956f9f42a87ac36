package io.glostream.trainer.align;

/**
 * How one topic of the new model was numbered, in a form that serialises to JSON as is (no NaN).
 *
 * @param id the topic's id in the aligned model
 * @param currentTopic its index in the model as trained, before renumbering
 * @param previousId the previous model's topic it was matched to, or null when it was matched to none
 * @param similarity cosine similarity of the matched pair's word distributions, or null when unmatched
 * @param isNew whether the topic counts as new: unmatched, or matched below the similarity threshold
 */
public record TopicMatch(int id, int currentTopic, Integer previousId, Double similarity, boolean isNew) {
}
