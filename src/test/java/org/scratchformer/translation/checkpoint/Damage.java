package org.scratchformer.translation.checkpoint;

import static org.scratchformer.translation.checkpoint.Edits.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The kinds of damage done to a saved run folder, each drawn from a seed:
 * to run.json, to the two safetensors files, to the vocabularies, and to
 * the folder itself. {@link #apply} damages a copy of the folder and says
 * what it did.
 */
enum Damage {
    RUN_JSON_BIT_FLIP(RunJsonDamage::bitFlip),
    RUN_JSON_BYTE_SET(RunJsonDamage::byteSet),
    RUN_JSON_CUT_SHORT(RunJsonDamage::cutShort),
    RUN_JSON_SPLICED(RunJsonDamage::spliced),
    RUN_JSON_FIELD_VALUE(RunJsonDamage::fieldValue),
    RUN_JSON_FIELD_STRUCTURE(RunJsonDamage::fieldStructure),
    RUN_JSON_FILE_NAMES(RunJsonDamage::fileNames),
    RUN_JSON_SIZES(RunJsonDamage::sizes),
    RUN_JSON_REWRITTEN(RunJsonDamage::rewritten),
    TENSORS_HEADER_BIT_FLIP(TensorsDamage::headerBitFlip),
    TENSORS_DATA_BIT_FLIP(TensorsDamage::dataBitFlip),
    TENSORS_LENGTH_PREFIX(TensorsDamage::lengthPrefix),
    TENSORS_CUT_OR_EXTENDED(TensorsDamage::cutOrExtended),
    TENSORS_ENTRY_EDIT(TensorsDamage::entryEdit),
    TENSORS_NAMES(TensorsDamage::names),
    TENSORS_METADATA(TensorsDamage::metadata),
    TENSORS_NON_FINITE(TensorsDamage::nonFinite),
    TENSORS_OTHER_VALUE(TensorsDamage::otherValue),
    VOCABULARY_BYTES(FolderDamage::vocabularyBytes),
    VOCABULARY_TOKENS(FolderDamage::vocabularyTokens),
    FILE_MISSING(FolderDamage::fileMissing),
    FILE_EMPTY_OR_GARBAGE(FolderDamage::fileEmptyOrGarbage),
    FILE_OF_ANOTHER_KIND(FolderDamage::fileOfAnotherKind),
    FILE_OF_ANOTHER_RUN(FolderDamage::fileOfAnotherRun),
    FOLDER_EXTRAS(FolderDamage::folderExtras),
    TWO_AT_ONCE(Damage::twoAtOnce);

    /** The saved folders a damage draws on. */
    record Sources(Folder original, Folder otherSeed, Folder otherHeads,
            Folder earlierStep, String model, String optimizer) {
        List<String> tensorFiles() {
            return List.of(model, optimizer);
        }

        List<String> allFiles() {
            return List.of(Checkpoint.RUN, model, optimizer,
                    Checkpoint.SOURCE_VOCABULARY,
                    Checkpoint.TARGET_VOCABULARY);
        }
    }

    /** Damages {@code folder} in place; returns what it did. */
    interface Edit {
        String apply(Folder folder, Random random, Sources sources);
    }

    private final Edit edit;

    Damage(Edit edit) {
        this.edit = edit;
    }

    String apply(Folder folder, Random random, Sources sources) {
        return edit.apply(folder, random, sources);
    }

    private static String twoAtOnce(Folder f, Random r, Sources s) {
        List<Damage> kinds = new ArrayList<>(List.of(values()));
        kinds.remove(TWO_AT_ONCE);
        Damage first = pick(r, kinds);
        Damage second = pick(r, kinds);
        String a = first.apply(f, r, s);
        String b;
        try {
            b = second.apply(f, r, s);
        } catch (RuntimeException e) {  // the first left nothing to edit
            b = "(" + second + " had nothing left to damage)";
        }
        return a + "; then " + b;
    }

}
