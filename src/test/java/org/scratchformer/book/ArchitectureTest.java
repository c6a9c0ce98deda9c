package org.scratchformer.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The book reads front to back, and chapters 1–12 hold plain code:
 * <ul>
 * <li>a class of chapter N uses only classes of chapters ≤ N, never the
 *     program ({@code cli}); every package names its chapter;
 * <li>no class of chapters 1–12 uses threads' machinery
 *     ({@code java.util.concurrent}, {@code ThreadLocal}), the Vector API
 *     or chapter 13's package: chapter 13 plugs its faster code in at the
 *     seams those chapters name, never inside them.
 * </ul>
 * Read from the compiled classes, so a fully qualified name counts as
 * much as an import.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.scratchformer");
    /** Packages outside the chapter order: the annotation and the program. */
    static final Set<String> UNNUMBERED = Set.of("book", "cli");
    /**
     * The one use of ThreadLocal in chapters 1–12: a no-grad scope belongs
     * to the thread that opened it, as PyTorch's torch.no_grad() does, so
     * that an evaluating thread does not switch off a training thread's
     * graph. It is part of what the scope means, not a speed-up.
     */
    static final String NO_GRAD = "org.scratchformer.tensor.NoGrad";

    /** The part of a class's package after org.scratchformer. */
    static String topic(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith("org.scratchformer.")) {
            return "";
        }
        return name.substring("org.scratchformer.".length()).split("\\.")[0];
    }

    /** The chapter of a class's package, or null outside the book. */
    static Integer chapter(JavaClass c) {
        if (!c.getPackageName().startsWith("org.scratchformer.")) {
            return null;
        }
        Package p = c.reflect().getPackage();
        Chapter chapter = p == null ? null : p.getAnnotation(Chapter.class);
        return chapter == null ? null : chapter.number();
    }

    static final ArchCondition<JavaClass> USE_NO_LATER_CHAPTER =
            new ArchCondition<>("use only classes of their own or earlier"
                    + " chapters, and not the program (cli)") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    Integer own = chapter(c);
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        JavaClass used = d.getTargetClass();
                        Integer theirs = chapter(used);
                        boolean later = own != null && theirs != null
                                && theirs > own;
                        boolean program = topic(used).equals("cli")
                                && !topic(c).equals("cli")
                                && used.getPackageName()
                                        .startsWith("org.scratchformer.");
                        if (later || program) {
                            events.add(SimpleConditionEvent.violated(d,
                                    d.getDescription() + " (chapter " + own
                                    + " uses " + (program ? "the program"
                                    : "chapter " + theirs) + ")"));
                        }
                    }
                }
            };

    // tag::rules[]
    static final ArchRule CHAPTER_ORDER = ArchRuleDefinition.classes()
            .that().resideInAPackage("org.scratchformer..")
            .should(USE_NO_LATER_CHAPTER);

    static final ArchRule PLAIN_CODE = ArchRuleDefinition.noClasses()
            .that(plainChapters())
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.util.concurrent..", "jdk.incubator.vector..",
                    "org.scratchformer.fast..")
            .orShould().dependOnClassesThat().belongToAnyOf(
                    ThreadLocal.class, Thread.class)
            .because("chapter 13 plugs its faster code in at seams;"
                    + " chapters 1-12 are read as plain code");
    // end::rules[]

    @Test
    void noChapterUsesALaterOne() {
        CHAPTER_ORDER.check(MAIN);
    }

    @Test
    void chaptersOneToTwelveHoldPlainCode() {
        PLAIN_CODE.check(MAIN);
    }

    /** Classes of chapters 1–12, NoGrad and its nested classes aside. */
    static DescribedPredicate<JavaClass> plainChapters() {
        return DescribedPredicate.describe("belong to chapters 1-12", c -> {
            Integer n = chapter(c);
            return n != null && n <= 12 && !c.getName().startsWith(NO_GRAD);
        });
    }

    @Test
    void everyPackageNamesItsChapter() {
        Set<String> missing = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String topic = topic(c);
            if (!topic.isEmpty() && !UNNUMBERED.contains(topic)
                    && chapter(c) == null) {
                missing.add(c.getPackageName());
            }
        }
        assertEquals(Set.of(), missing, "packages without @Chapter");
    }

    @Test
    void theChaptersFoundAreTheBooksOrder() {
        TreeMap<String, Integer> byTopic = new TreeMap<>();
        for (JavaClass c : MAIN) {
            Integer n = chapter(c);
            if (n != null) {
                byTopic.put(topic(c), n);
            }
        }
        List<String> inOrder = byTopic.keySet().stream()
                .sorted(Comparator.comparing((String t) -> byTopic.get(t))
                        .thenComparing(t -> t))
                .toList();
        assertEquals(List.of("finitediff", "scalar", "tensor", "gradcheck",
                "ops", "nn", "optim", "attention", "multihead",
                "transformer", "translation", "decoding", "bench", "fast"),
                inOrder);
        assertEquals(13, byTopic.get("bench"), "chapter 13's measurements");
    }

    @Test
    void theRulesCatchWhatTheyForbid() {
        // classes of the tests, in chapter 6's package, that break a rule
        JavaClasses broken = new ClassFileImporter().importClasses(
                org.scratchformer.nn.RuleBreakers.UsesLaterChapter.class,
                org.scratchformer.nn.RuleBreakers.KeepsAThreadLocal.class,
                org.scratchformer.nn.RuleBreakers.UsesAPool.class);
        String orderReport = CHAPTER_ORDER.evaluate(broken).getFailureReport()
                .toString();
        assertTrue(orderReport.contains("UsesLaterChapter")
                && orderReport.contains("chapter 6 uses chapter 13"),
                orderReport);
        String plainReport = PLAIN_CODE.evaluate(broken).getFailureReport()
                .toString();
        for (String name : new String[] {"UsesLaterChapter",
            "KeepsAThreadLocal", "UsesAPool"}) {
            assertTrue(plainReport.contains(name), plainReport);
        }
    }
}
