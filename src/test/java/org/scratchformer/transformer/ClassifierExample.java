package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.book.Listings;
import org.scratchformer.nn.Embedding;
import org.scratchformer.nn.Linear;
import org.scratchformer.nn.Module;
import org.scratchformer.ops.Ops;
import org.scratchformer.optim.Adam;
import org.scratchformer.optim.Losses;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 10's encoder-only classifier, against a bag of embeddings, on a
 * task where only word order decides the class: does word A come before
 * word B? Every sequence comes with its twin, the same words with A and B
 * swapped and the other label, so the two classes have the same bags of
 * words and a model that sees only the bag gets exactly one twin of each
 * pair right. So does the encoder without positional encoding: then
 * self-attention is permutation-equivariant and the mean of its outputs
 * forgets the order. Writes the listing {@code classifier.txt}.
 */
class ClassifierExample {
    static final String[] WORDS = {"A", "B", "c", "d", "e", "f", "g", "h"};
    static final int A = 0;
    static final int B = 1;
    static final int LENGTH = 8;   // T
    static final int MODEL = 32;   // C
    static final int HEADS = 4;
    static final int HIDDEN = 64;  // d_ff, and the bag model's hidden width
    static final int TRAIN_PAIRS = 512;
    static final int TEST_PAIRS = 256;
    static final int BATCH_PAIRS = 16;  // 32 sequences a step
    static final int STEPS = 150;
    static final int REPORT_EVERY = 25;
    static final long SEED = 10;

    /** N sequences of T word ids, and their labels: 1 if A comes first. */
    record Data(int[][] words, int[] labels) {
        int size() {
            return labels.length;
        }
    }

    // tag::data[]
    /**
     * Pairs of twins: random filler words c … h, with A and B at two random
     * positions; the twin swaps A and B. Label 1: A before B.
     */
    static Data twins(int pairs, Random random) {
        int[][] words = new int[2 * pairs][];
        int[] labels = new int[2 * pairs];
        for (int p = 0; p < pairs; p++) {
            int[] first = new int[LENGTH];
            for (int t = 0; t < LENGTH; t++) {
                first[t] = 2 + random.nextInt(WORDS.length - 2);
            }
            int i = random.nextInt(LENGTH);
            int j = (i + 1 + random.nextInt(LENGTH - 1)) % LENGTH;  // j ≠ i
            int[] twin = first.clone();
            first[i] = A;
            first[j] = B;
            twin[i] = B;
            twin[j] = A;
            words[2 * p] = first;
            labels[2 * p] = i < j ? 1 : 0;
            words[2 * p + 1] = twin;
            labels[2 * p + 1] = i < j ? 0 : 1;
        }
        return new Data(words, labels);
    }
    // end::data[]

    /** A model that maps B sequences (B·T word ids) to logits (B, 2). */
    abstract static class Classifier extends Module {
        abstract Tensor logits(int[] ids, int batch);
    }

    // tag::mean-pool[]
    /** P (B, B·T) with 1/T on sequence b's T columns: P·X averages them. */
    static Tensor meanPool(int batch) {
        DMatrixRMaj p = new DMatrixRMaj(batch, batch * LENGTH);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < LENGTH; t++) {
                p.set(b, b * LENGTH + t, 1.0 / LENGTH);
            }
        }
        return Tensor.constant(p);
    }
    // end::mean-pool[]

    // tag::encoder-classifier[]
    /** Embeddings + positions → one encoder layer → mean → Linear. */
    static final class EncoderClassifier extends Classifier {
        final Embedding embedding;
        final PositionalEncoding positions;  // null: no positions
        final Encoder encoder;
        final Linear out;

        EncoderClassifier(boolean withPositions, Random random) {
            positions = withPositions ? new PositionalEncoding(MODEL) : null;
            embedding = child("embedding", new Embedding(WORDS.length, MODEL,
                    random));
            encoder = child("encoder", new Encoder(1,
                    LayerConfig.of(MODEL, HEADS, HIDDEN, 0.0), random));
            out = child("out", new Linear(MODEL, 2, random));
        }

        @Override
        Tensor logits(int[] ids, int batch) {
            Tensor x = embedding.forward(ids);  // (B·T, C)
            if (positions != null) {
                x = positions.addTo(x, LENGTH);
            }
            Tensor h = encoder.forward(x,                    // (B·T, C)
                    AttentionMask.none(batch, LENGTH, LENGTH));
            return out.forward(Ops.matmul(meanPool(batch), h));  // (B, 2)
        }
    }
    // end::encoder-classifier[]

    // tag::bag-classifier[]
    /** The baseline: mean of the embeddings → Linear → ReLU → Linear. */
    static final class BagClassifier extends Classifier {
        final Embedding embedding;
        final Linear hidden;
        final Linear out;

        BagClassifier(Random random) {
            embedding = child("embedding", new Embedding(WORDS.length, MODEL,
                    random));
            hidden = child("hidden", new Linear(MODEL, HIDDEN, random));
            out = child("out", new Linear(HIDDEN, 2, random));
        }

        @Override
        Tensor logits(int[] ids, int batch) {
            Tensor bag = Ops.matmul(meanPool(batch),
                    embedding.forward(ids));  // (B, C): order is gone
            return out.forward(Ops.relu(hidden.forward(bag)));  // (B, 2)
        }
    }
    // end::bag-classifier[]

    /** The word ids of sequences {@code rows}, concatenated: (B·T). */
    static int[] ids(Data data, List<Integer> rows) {
        int[] ids = new int[rows.size() * LENGTH];
        for (int n = 0; n < rows.size(); n++) {
            System.arraycopy(data.words()[rows.get(n)], 0, ids, n * LENGTH,
                    LENGTH);
        }
        return ids;
    }

    /** Trains for {@link #STEPS}; returns the mean loss of each report. */
    static List<Double> train(Classifier model, Data data, Random random) {
        Adam adam = new Adam(model.parameters(), 3e-3);
        List<Double> losses = new ArrayList<>();
        double sum = 0;
        for (int step = 1; step <= STEPS; step++) {
            List<Integer> rows = new ArrayList<>();
            int[] labels = new int[2 * BATCH_PAIRS];
            for (int p = 0; p < BATCH_PAIRS; p++) {
                int pair = random.nextInt(data.size() / 2);
                for (int twin = 0; twin < 2; twin++) {
                    labels[rows.size()] = data.labels()[2 * pair + twin];
                    rows.add(2 * pair + twin);
                }
            }
            adam.zeroGrad();
            Tensor loss = Losses.crossEntropy(
                    model.logits(ids(data, rows), rows.size()),
                    Losses.targets(labels));
            loss.backward();
            adam.step();
            sum += loss.item();
            if (step % REPORT_EVERY == 0) {
                losses.add(sum / REPORT_EVERY);
                sum = 0;
            }
        }
        return losses;
    }

    @SuppressWarnings("try")  // the scope only switches the graph off
    static double accuracy(Classifier model, Data data) {
        List<Integer> rows = new ArrayList<>();
        for (int n = 0; n < data.size(); n++) {
            rows.add(n);
        }
        DMatrixRMaj logits;
        try (NoGrad scope = NoGrad.enter()) {
            logits = model.logits(ids(data, rows), rows.size()).value();
        }
        int right = 0;
        for (int n = 0; n < data.size(); n++) {
            int predicted = logits.get(n, 1) > logits.get(n, 0) ? 1 : 0;
            right += predicted == data.labels()[n] ? 1 : 0;
        }
        return (double) right / data.size();
    }

    static String sentence(int[] words) {
        StringBuilder text = new StringBuilder();
        for (int w : words) {
            text.append(text.length() == 0 ? "" : " ").append(WORDS[w]);
        }
        return text.toString();
    }

    @Test
    void onlyTheModelThatSeesOrderLearnsTheTask() {
        Random random = new Random(SEED);
        Data train = twins(TRAIN_PAIRS, random);
        Data test = twins(TEST_PAIRS, random);
        Classifier bag = new BagClassifier(random);
        Classifier encoder = new EncoderClassifier(true, random);
        Classifier noPositions = new EncoderClassifier(false, random);
        List<Double> bagLosses = train(bag, train, new Random(SEED + 1));
        List<Double> encoderLosses = train(encoder, train,
                new Random(SEED + 1));
        List<Double> noPositionLosses = train(noPositions, train,
                new Random(SEED + 1));
        double bagAccuracy = accuracy(bag, test);
        double encoderAccuracy = accuracy(encoder, test);
        double noPositionAccuracy = accuracy(noPositions, test);

        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "label 1 if A comes before B; twins share their bag of words%n"
                + "  %s   label %d%n  %s   label %d%n%n",
                sentence(train.words()[0]), train.labels()[0],
                sentence(train.words()[1]), train.labels()[1]));
        text.append(String.format(Locale.ROOT, "mean training loss%n"
                + "%5s %9s %9s %14s%n", "step", "bag", "encoder",
                "no positions"));
        for (int r = 0; r < bagLosses.size(); r++) {
            text.append(String.format(Locale.ROOT, "%5d %9.4f %9.4f %14.4f%n",
                    (r + 1) * REPORT_EVERY, bagLosses.get(r),
                    encoderLosses.get(r), noPositionLosses.get(r)));
        }
        text.append(String.format(Locale.ROOT, "%ntest accuracy on %d"
                + " sequences (%d twin pairs, drawn apart from training):%n"
                + "  bag of embeddings          %5.1f%%  (%,d parameters)%n"
                + "  encoder classifier         %5.1f%%  (%,d parameters)%n"
                + "  the same, no positions     %5.1f%%%n",
                test.size(), TEST_PAIRS, 100 * bagAccuracy,
                bag.parameterCount(), 100 * encoderAccuracy,
                encoder.parameterCount(), 100 * noPositionAccuracy));
        String listing = Listings.write("classifier", text.toString());

        // twins have the same bag, so the baseline gives them the same
        // answer and gets exactly one of the two right
        assertEquals(0.5, bagAccuracy, 1e-12, listing);
        assertTrue(encoderAccuracy > 0.95, listing);
        // without positions self-attention cannot see order either: it is
        // permutation-equivariant, and the mean forgets the permutation
        assertEquals(0.5, noPositionAccuracy, 1e-12, listing);
    }
}
