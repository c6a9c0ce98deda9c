package org.scratchformer.translation.checkpoint;

import static org.scratchformer.translation.checkpoint.Edits.pick;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.scratchformer.translation.checkpoint.Damage.Sources;

/** The damages {@link Damage} does to the vocabularies and to the folder. */
final class FolderDamage {
    private FolderDamage() {
    }

    // --- the vocabularies ---

    static String vocabularyBytes(Folder f, Random r, Sources s) {
        String name = pick(r, Checkpoint.SOURCE_VOCABULARY,
                Checkpoint.TARGET_VOCABULARY);
        byte[] bytes = f.get(name);
        switch (r.nextInt(3)) {
            case 0 -> {
                return name + ": " + Edits.flipBit(bytes, 0, bytes.length,
                        r);
            }
            case 1 -> {
                return name + ": " + Edits.setByte(bytes, 0, bytes.length,
                        r);
            }
            default -> {
                int length = r.nextInt(bytes.length);
                f.put(name, Arrays.copyOf(bytes, length));
                return name + " cut to " + length + " bytes";
            }
        }
    }

    static String vocabularyTokens(Folder f, Random r, Sources s) {
        String name = pick(r, Checkpoint.SOURCE_VOCABULARY,
                Checkpoint.TARGET_VOCABULARY);
        ObjectNode root = (ObjectNode) Edits.tree(f.get(name));
        ArrayNode tokens = (ArrayNode) root.get("tokens");
        int i = r.nextInt(tokens.size());
        int j = r.nextInt(tokens.size());
        String did;
        switch (r.nextInt(7)) {
            case 0 -> {
                JsonNode a = tokens.get(i);
                tokens.set(i, tokens.get(j));
                tokens.set(j, a);
                did = "tokens " + i + " and " + j + " swapped";
            }
            case 1 -> {
                tokens.remove(i);
                did = "token " + i + " removed";
            }
            case 2 -> {
                tokens.add(pick(r, "z", "zz", "a", "<pad>", "", "a b"));
                did = "a token added";
            }
            case 3 -> {
                tokens.set(i, Edits.JSON.getNodeFactory().textNode(pick(r,
                        "", " ", "x", "a\tb", "é", "\u0000")));
                did = "token " + i + " replaced";
            }
            case 4 -> {
                tokens.set(i, Edits.JSON.getNodeFactory().numberNode(i));
                did = "token " + i + " replaced by a number";
            }
            case 5 -> {
                root.put(pick(r, "format", "version"), pick(r, "x", "2"));
                did = "format or version changed";
            }
            default -> {
                f.put(name, Edits.compact(Edits.tree(f.get(
                        other(name)))));
                return name + " replaced by the other side's vocabulary";
            }
        }
        f.put(name, Edits.pretty(root));
        return name + ": " + did;
    }

    static String other(String vocabulary) {
        return vocabulary.equals(Checkpoint.SOURCE_VOCABULARY)
                ? Checkpoint.TARGET_VOCABULARY : Checkpoint.SOURCE_VOCABULARY;
    }

    // --- the folder ---

    static String fileMissing(Folder f, Random r, Sources s) {
        if (r.nextInt(10) == 0) {
            s.allFiles().forEach(f::remove);
            return "every file deleted";
        }
        String name = pick(r, s.allFiles());
        f.remove(name);
        return name + " deleted";
    }

    static String fileEmptyOrGarbage(Folder f, Random r, Sources s) {
        String name = pick(r, s.allFiles());
        int length = pick(r, 0, 1, 7, 8, 9, 100, 5000, 70_000);
        byte[] bytes = r.nextBoolean() ? Edits.randomBytes(r, length)
                : new byte[length];
        f.put(name, bytes);
        return name + " replaced by " + length + " " + (bytes.length > 0
                && bytes[0] != 0 ? "random bytes" : "bytes");
    }

    static String fileOfAnotherKind(Folder f, Random r, Sources s) {
        String name = pick(r, s.allFiles());
        Folder.Special special = pick(r, new Folder.Directory(),
                new Folder.Link("/dev/zero"), new Folder.Link("/dev/null"),
                new Folder.Link("/dev/urandom"), new Folder.Link("missing"),
                new Folder.Link(name), new Folder.Pipe(),
                new Folder.Link("/proc/self/mem"), new Folder.Link("/"));
        f.put(name, special);
        return name + " replaced by " + special;
    }

    static String fileOfAnotherRun(Folder f, Random r, Sources s) {
        String name = pick(r, s.allFiles());
        switch (r.nextInt(5)) {
            case 0 -> {
                f.put(name, s.otherSeed().get(name).clone());
                return name + " taken from a run of another seed";
            }
            case 1 -> {
                f.put(name, s.otherHeads().get(name).clone());
                return name + " taken from a run with 4 heads, not 2";
            }
            case 2 -> {
                String earlier = name.replace("000002", "000001");
                byte[] bytes = s.earlierStep().get(earlier);
                f.put(name, bytes.clone());
                return name + " replaced by " + earlier + " of step 1";
            }
            case 3 -> {
                byte[] model = f.get(s.model());
                f.put(s.model(), f.get(s.optimizer()));
                f.put(s.optimizer(), model);
                return "the weights' and the optimizer's files swapped";
            }
            default -> {
                byte[] source = f.get(Checkpoint.SOURCE_VOCABULARY);
                f.put(Checkpoint.SOURCE_VOCABULARY,
                        f.get(Checkpoint.TARGET_VOCABULARY));
                f.put(Checkpoint.TARGET_VOCABULARY, source);
                return "the two vocabularies swapped";
            }
        }
    }

    /** Files that do not belong: they must change nothing. */
    static String folderExtras(Folder f, Random r, Sources s) {
        List<String> added = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            switch (r.nextInt(4)) {
                case 0 -> s.earlierStep().files.forEach((name, bytes) -> {
                    if (!f.files.containsKey(name)) {
                        f.put(name, bytes.clone());
                        added.add(name);
                    }
                });
                case 1 -> {
                    String temporary = ".run.json.4242." + r.nextInt(1000)
                            + ".tmp";
                    f.put(temporary, Edits.randomBytes(r, 20));
                    added.add(temporary);
                }
                case 2 -> {
                    f.put("notes.txt", "a note".getBytes(
                            StandardCharsets.UTF_8));
                    added.add("notes.txt");
                }
                default -> {
                    f.put("run.json.bak", Edits.randomBytes(r, 30));
                    added.add("run.json.bak");
                }
            }
        }
        return "files added: " + added;
    }
}
