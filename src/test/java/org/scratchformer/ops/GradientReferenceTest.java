package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code docs/gradients.adoc} in step with {@link OpRegistry}: one
 * section per entry (anchor {@code [#NAME.op]}, in registry order, with the
 * op class's forward and backward included), and one coverage row per entry
 * whose class and golden mark are true. Paths are relative to the project
 * root, where Maven runs the tests.
 */
class GradientReferenceTest {
    static final Path PAGE = Path.of("docs", "gradients.adoc");
    static final Path GOLDEN = Path.of("src", "main", "resources", "golden",
            "ops.json");
    static final Path SOURCES = Path.of("src", "main", "java");
    static final String YES = "✓";
    static final String NO = "—";

    // --- the real page against the real registry ---

    @Test
    void everyEntryHasASectionInRegistryOrder() throws IOException {
        assertNoProblems(sectionProblems(readPage(), OpRegistry.all()));
    }

    @Test
    void everyEntryHasACoverageRowWithItsClass() throws IOException {
        assertNoProblems(rowProblems(readPage(), OpRegistry.all(),
                goldenOps(GOLDEN)));
    }

    @Test
    void everySectionIncludesItsOpsForwardAndBackward() throws IOException {
        assertNoProblems(includeProblems(readPage(), OpRegistry.all(),
                SOURCES));
    }

    // --- the checks can fail: pages that are out of step ---

    static final List<String> SMALL_REGISTRY = List.of("add", "matmul",
            "sum");

    static List<OpEntry> smallRegistry() {
        return SMALL_REGISTRY.stream().map(OpRegistry::get).toList();
    }

    @Test
    void aPageInStepPassesEveryCheck() {
        List<String> page = pageFor(smallRegistry(), Set.of("matmul"));
        assertNoProblems(sectionProblems(page, smallRegistry()));
        assertNoProblems(rowProblems(page, smallRegistry(),
                Set.of("matmul")));
        assertNoProblems(includeProblems(page, smallRegistry(), SOURCES));
    }

    @Test
    void aMissingSectionNamesTheOp() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        page.removeIf(line -> line.equals("[#matmul.op]"));
        assertOneProblem(sectionProblems(page, smallRegistry()),
                "'matmul'", "no section");
    }

    @Test
    void aSectionForAnUnknownOpNamesIt() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        page.addAll(List.of("[#softmaxx.op]", "== softmaxx: typo", ""));
        assertOneProblem(sectionProblems(page, smallRegistry()),
                "'softmaxx'", "not in the registry");
    }

    @Test
    void sectionsOutOfOrderAreReported() {
        List<String> page = pageFor(List.of(OpRegistry.get("matmul"),
                OpRegistry.get("add"), OpRegistry.get("sum")), Set.of());
        assertOneProblem(sectionProblems(page, smallRegistry()),
                "registry order", "[add, matmul, sum]");
    }

    @Test
    void aMissingRowNamesTheOp() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        page.removeIf(line -> line.startsWith("| <<sum,"));
        assertOneProblem(rowProblems(page, smallRegistry(), Set.of()),
                "'sum'", "no row");
    }

    @Test
    void aRowForAnUnknownOpNamesIt() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        page.add(page.lastIndexOf("|==="),
                "| <<matmull,matmull>> | `tensor.MatMul` | ✓ | —");
        assertOneProblem(rowProblems(page, smallRegistry(), Set.of()),
                "'matmull'", "not in the registry");
    }

    @Test
    void aWrongClassNamesBothClasses() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        page.replaceAll(line -> line.replace("`tensor.Sum`", "`ops.Sum`"));
        assertOneProblem(rowProblems(page, smallRegistry(), Set.of()),
                "'sum'", "org.scratchformer.ops.Sum",
                "org.scratchformer.tensor.Sum");
    }

    @Test
    void aGoldenMarkWithoutGoldenCasesIsReported() {
        List<String> page = pageFor(smallRegistry(), Set.of("add"));
        assertOneProblem(rowProblems(page, smallRegistry(), Set.of()),
                "'add'", "golden column says ✓", "no case");
    }

    @Test
    void goldenCasesWithoutAGoldenMarkAreReported() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        assertOneProblem(rowProblems(page, smallRegistry(), Set.of("sum")),
                "'sum'", "golden column says —", "has cases");
    }

    @Test
    void aMissingFiniteDifferenceMarkIsReported() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        page.replaceAll(line -> line.startsWith("| <<add,")
                ? line.replace("| ✓ |", "| — |") : line);
        assertOneProblem(rowProblems(page, smallRegistry(), Set.of()),
                "'add'", "finite-difference column");
    }

    @Test
    void aMissingIncludeNamesTheOpAndTheTag() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        page.removeIf(line -> line.contains("MatMul.java[tag=backward]"));
        assertOneProblem(includeProblems(page, smallRegistry(), SOURCES),
                "'matmul'", "tensor/MatMul.java[tag=backward]");
    }

    @Test
    void anIncludeOfAMissingTagIsReported() {
        List<String> page = pageFor(smallRegistry(), Set.of());
        page.add("include::{sourcedir}/org/scratchformer/tensor/Sum.java"
                + "[tag=no-such-tag]");
        assertOneProblem(includeProblems(page, smallRegistry(), SOURCES),
                "Sum.java", "no-such-tag");
    }

    @Test
    void theGoldenReaderFindsTheOpsOfEachCase(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("ops.json");
        Files.writeString(file, "{\"torch_version\": \"1.13\", \"cases\": [\n"
                + goldenCase("add_mask", "[[-Infinity, 1.0]]") + ",\n"
                + goldenCase("sum", "[[2.0]]") + "\n]}\n");
        assertEquals(Set.of("add_mask", "sum"), goldenOps(file));
        assertEquals(Set.of(), goldenOps(dir.resolve("absent.json")));
    }

    // --- reading the page ---

    static final Pattern ANCHOR = Pattern.compile("^\\[#([A-Za-z0-9_]+)"
            + "\\.op\\]$");
    static final Pattern LINK = Pattern.compile("^<<([A-Za-z0-9_]+),"
            + "([A-Za-z0-9_]+)>>$");
    static final Pattern INCLUDE = Pattern.compile("^include::\\{sourcedir\\}"
            + "/(\\S+?\\.java)\\[tag=([a-z0-9-]+)\\]$");

    static List<String> readPage() throws IOException {
        assertTrue(Files.exists(PAGE), PAGE.toAbsolutePath()
                + " is missing; the tests run from the project root");
        return new ArrayList<>(Files.readAllLines(PAGE,
                StandardCharsets.UTF_8));
    }

    /** Op sections in page order: op name to the lines of its section. */
    static Map<String, List<String>> sections(List<String> page,
            List<String> problems) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (int i = 0; i < page.size(); i++) {
            String line = page.get(i);
            Matcher anchor = ANCHOR.matcher(line);
            if (anchor.matches()) {
                String op = anchor.group(1);
                String title = i + 1 < page.size() ? page.get(i + 1) : "";
                if (!title.equals("== " + op)
                        && !title.startsWith("== " + op + ":")) {
                    problems.add("op '" + op + "': the anchor on line "
                            + (i + 1) + " must be followed by a title"
                            + " '== " + op + ": ...', found '" + title + "'");
                }
                if (sections.containsKey(op)) {
                    problems.add("op '" + op + "': two sections");
                }
                current = new ArrayList<>();
                sections.put(op, current);
            } else if (line.startsWith("== ") && (i == 0
                    || !ANCHOR.matcher(page.get(i - 1)).matches())) {
                current = null;  // a section that is not an op's
            }
            if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    /** One row of the coverage table, split into its four cells. */
    record Row(int line, String op, String opClass, String finite,
            String golden) {
    }

    static List<Row> coverageRows(List<String> page, List<String> problems) {
        int anchor = page.indexOf("[[coverage]]");
        int start = anchor < 0 ? -1 : page.subList(anchor, page.size())
                .indexOf("|===");
        if (start < 0) {
            problems.add("no coverage table: expected an anchor [[coverage]]"
                    + " followed by a table |=== ... |===");
            return List.of();
        }
        start += anchor;
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (int i = start + 1; i < page.size()
                && !page.get(i).equals("|==="); i++) {
            String line = page.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|", -1);
            if (!line.startsWith("|") || cells.length != 4) {
                problems.add("coverage table, line " + (i + 1) + ": expected"
                        + " four cells | op | class | ✓/— | ✓/—, found '"
                        + line + "'");
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            Matcher link = LINK.matcher(cells[0].strip());
            String op = cells[0].strip();
            if (link.matches()) {
                op = link.group(1);
                if (!link.group(2).equals(op)) {
                    problems.add("coverage row '" + op + "' (line " + (i + 1)
                            + ") links to <<" + op + "," + link.group(2)
                            + ">>: the shown name must be the op's");
                }
            } else {
                problems.add("coverage row '" + op + "' (line " + (i + 1)
                        + "): the op cell must link to its section, <<"
                        + op + "," + op + ">>");
            }
            rows.add(new Row(i + 1, op, cells[1].strip().replace("`", ""),
                    cells[2].strip(), cells[3].strip()));
        }
        return rows;
    }

    // --- the checks; each returns one sentence per problem ---

    static List<String> sectionProblems(List<String> page,
            List<OpEntry> registry) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> sections = sections(page, problems);
        List<String> names = registry.stream().map(OpEntry::name).toList();
        for (String op : names) {
            if (!sections.containsKey(op)) {
                problems.add("op '" + op + "' is registered but has no"
                        + " section in " + PAGE + " (expected an anchor [#"
                        + op + ".op] and a title '== " + op + ": ...')");
            }
        }
        for (String op : sections.keySet()) {
            if (!names.contains(op)) {
                problems.add(PAGE + " has a section for op '" + op
                        + "', which is not in the registry");
            }
        }
        List<String> documented = sections.keySet().stream()
                .filter(names::contains).toList();
        List<String> expected = names.stream()
                .filter(sections::containsKey).toList();
        if (problems.isEmpty() && !documented.equals(expected)) {
            problems.add("sections are not in registry order: the page has "
                    + documented + ", the registry " + expected);
        }
        return problems;
    }

    static List<String> rowProblems(List<String> page, List<OpEntry> registry,
            Set<String> goldenOps) {
        List<String> problems = new ArrayList<>();
        List<Row> rows = coverageRows(page, problems);
        Map<String, OpEntry> entries = new LinkedHashMap<>();
        registry.forEach(entry -> entries.put(entry.name(), entry));
        Set<String> rowOps = new TreeSet<>();
        for (Row row : rows) {
            if (!rowOps.add(row.op())) {
                problems.add("coverage row '" + row.op() + "' appears twice");
            }
            OpEntry entry = entries.get(row.op());
            if (entry == null) {
                problems.add("coverage row '" + row.op() + "' (line "
                        + row.line() + ") is for an op not in the registry");
                continue;
            }
            String written = "org.scratchformer." + row.opClass();
            if (!written.equals(entry.opClass().getName())) {
                problems.add("coverage row '" + row.op() + "' names class "
                        + written + ", but the registry's entry is "
                        + entry.opClass().getName());
            }
            if (!row.finite().equals(YES)) {
                problems.add("coverage row '" + row.op() + "': the"
                        + " finite-difference column says '" + row.finite()
                        + "', but OpCatalogueTest checks every registered op:"
                        + " it must say " + YES);
            }
            boolean golden = goldenOps.contains(row.op());
            if (!row.golden().equals(golden ? YES : NO)) {
                problems.add("coverage row '" + row.op() + "': the golden"
                        + " column says " + row.golden() + ", but " + GOLDEN
                        + (golden ? " has cases for it: it must say " + YES
                        : " has no case for it: it must say " + NO));
            }
        }
        for (String op : entries.keySet()) {
            if (!rowOps.contains(op)) {
                problems.add("op '" + op + "' is registered but has no row"
                        + " in the coverage table of " + PAGE);
            }
        }
        List<String> order = rows.stream().map(Row::op)
                .filter(entries::containsKey).toList();
        List<String> expected = entries.keySet().stream()
                .filter(rowOps::contains).toList();
        if (problems.isEmpty() && !order.equals(expected)) {
            problems.add("coverage rows are not in registry order: the page"
                    + " has " + order + ", the registry " + expected);
        }
        return problems;
    }

    static List<String> includeProblems(List<String> page,
            List<OpEntry> registry, Path sources) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> sections = sections(page, new ArrayList<>());
        for (OpEntry entry : registry) {
            List<String> section = sections.get(entry.name());
            if (section == null) {
                continue;  // reported by sectionProblems
            }
            String file = entry.opClass().getName().replace('.', '/')
                    + ".java";
            for (String tag : List.of("forward", "backward")) {
                String include = "include::{sourcedir}/" + file + "[tag="
                        + tag + "]";
                if (!section.contains(include)) {
                    problems.add("op '" + entry.name() + "': its section"
                            + " lacks " + include);
                }
            }
        }
        for (String line : page) {
            Matcher include = INCLUDE.matcher(line);
            if (line.startsWith("include::") && !include.matches()) {
                problems.add("an include the check cannot read (expected"
                        + " include::{sourcedir}/PATH.java[tag=NAME]): "
                        + line);
            } else if (include.matches()) {
                String missing = missingTag(sources.resolve(include.group(1)),
                        include.group(2));
                if (missing != null) {
                    problems.add(include.group(1) + ": " + missing);
                }
            }
        }
        return problems;
    }

    /** Null if {@code file} has both ends of {@code tag}, else what lacks. */
    static String missingTag(Path file, String tag) {
        if (!Files.exists(file)) {
            return "no such file under " + SOURCES + " (tag " + tag + ")";
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains("// tag::" + tag + "[]")
                    || !text.contains("// end::" + tag + "[]")) {
                return "no region tag::" + tag + "[] ... end::" + tag
                        + "[] in the file";
            }
            return null;
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    /** The op names that have at least one case; empty if no file. */
    static Set<String> goldenOps(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new TreeSet<>();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return GoldenValues.read(in, file.toString()).stream()
                    .map(GoldenValues.Case::op)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    // --- helpers ---

    /** One case of the golden file's layout, with one input. */
    static String goldenCase(String op, String output) {
        return "{\"op\": \"" + op + "\", \"case\": 0, \"inputs\":"
                + " [{\"value\": [[1.0]], \"requires_grad\": true}],"
                + " \"dY\": [[1.0]], \"output\": " + output
                + ", \"grads\": [[[1.0]]]}";
    }

    /** A minimal page in step with {@code entries}: sections and table. */
    static List<String> pageFor(List<OpEntry> entries, Set<String> golden) {
        List<String> page = new ArrayList<>(List.of("= Gradient reference",
                ""));
        for (OpEntry entry : entries) {
            String file = entry.opClass().getName().replace('.', '/')
                    + ".java";
            page.addAll(List.of("[#" + entry.name() + ".op]",
                    "== " + entry.name() + ": an op", "",
                    "include::{sourcedir}/" + file + "[tag=forward]",
                    "include::{sourcedir}/" + file + "[tag=backward]", ""));
        }
        page.addAll(List.of("[[coverage]]", "== Coverage", "", "|===",
                "| Op | Class | Finite differences | Golden values"));
        for (OpEntry entry : entries) {
            page.add("| <<" + entry.name() + "," + entry.name() + ">> | `"
                    + entry.opClass().getName()
                            .replace("org.scratchformer.", "")
                    + "` | ✓ | " + (golden.contains(entry.name()) ? YES : NO));
        }
        page.add("|===");
        return page;
    }

    static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + " in " + PAGE + ":\n  "
                + String.join("\n  ", problems));
    }

    static void assertOneProblem(List<String> problems, String... words) {
        assertEquals(1, problems.size(), () -> "expected one problem, got "
                + problems);
        for (String word : words) {
            assertTrue(problems.get(0).contains(word), () -> "'" + word
                    + "' not in: " + problems.get(0));
        }
    }
}
