package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * How linear CKA between Θ_local and the document vectors becomes a loss. The paper writes 1 − CKA; the
 * authors' code ({@code CKALoss}: 1 − ‖XᵀY‖_F / √(‖XᵀX‖_F ‖YᵀY‖_F) on centred X and Y) computes 1 − √CKA, whose
 * gradient is 1 / (2√CKA) times the paper's, so the same λ_CKA weighs the two differently. The paper's
 * equation is the default; the root form lets a run reproduce the published code.
 */
public enum CkaLossForm {
    /** 1 − CKA, the paper's equation. */
    LINEAR,
    /** 1 − √CKA, the authors' published code. */
    ROOT;

    /** Parses {@code linear} or {@code root}, ignoring case. */
    public static CkaLossForm parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("CKA loss form must be linear or root, got null");
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "linear" -> LINEAR;
            case "root" -> ROOT;
            default -> throw new IllegalArgumentException("CKA loss form must be linear or root, got '" + name + "'");
        };
    }

    /** The loss term for a CKA value in [0, 1] (a scalar array, any float type). */
    public NDArray loss(NDArray cka) {
        // the guard keeps the root's gradient finite when a batch without spread gives CKA exactly 0
        NDArray similarity = this == LINEAR ? cka : cka.add(OwnedArrays.scalarLike(cka, GloCtmLoss.CKA_GUARD)).sqrt();
        return OwnedArrays.scalarLike(similarity, 1).sub(similarity);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
