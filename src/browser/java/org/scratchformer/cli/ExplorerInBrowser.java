package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scratchformer.decoding.BeamSearch;
import org.scratchformer.transformer.AttentionMap.Kind;
import org.scratchformer.translation.AttentionMaps;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;

/**
 * The explorer in a real browser (headless Chromium through Selenium),
 * with the demo run's model: the page served live, then the static
 * export opened from the disk with networking off. Run with
 * {@code mvn -B -Pbrowser test}; it needs Debian's {@code chromium} and
 * {@code chromium-driver}.
 */
class ExplorerInBrowser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target", "browser");
    static final Duration WAIT = Duration.ofSeconds(30);

    static Translator model;
    static Task task;
    static Explorer explorer;

    @BeforeAll
    static void loadTheDemoRun() throws IOException {
        for (Path p : List.of(CHROMIUM, DRIVER)) {
            assertTrue(Files.isExecutable(p), p + " is missing: install"
                    + " Debian's browser and its driver with apt-get install"
                    + " -y chromium chromium-driver");
        }
        Path dir = TrainedTranslatorFigures.demoRun();
        Checkpoint.Run run = Checkpoint.readRun(dir);
        model = Checkpoint.loadModel(dir, run);
        task = Task.named(run.task());
        explorer = new Explorer(model, task);
        Files.createDirectories(OUT);
    }

    /** Headless Chromium; with {@code offline}, no name resolves. */
    static WebDriver browser(boolean offline) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1300,1500", "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update", "--disable-sync");
        if (offline) {
            // every name fails to resolve, and every request goes to a
            // proxy at a closed port: nothing can leave the machine
            options.addArguments("--host-resolver-rules=MAP * ~NOTFOUND",
                    "--proxy-server=http://127.0.0.1:9",
                    "--proxy-bypass-list=<-loopback>");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @Test
    void theLivePageTranslatesAndShowsTheModelsWeights() throws Exception {
        try (ExplorerServer server = ExplorerServer.start(explorer,
                InetAddress.getLoopbackAddress(), 0)) {
            WebDriver browser = browser(false);
            try {
                browser.get(server.address().toString());
                String first = explorer.examples().get(0);
                waitForTranslation(browser, first);

                ask(browser, "seventy one");
                waitForTranslation(browser, "seventy one");
                assertEquals(TranslateCommand.translate(model, task,
                        "seventy one"), Tokens.join(shownWords(browser)));
                double p = Double.parseDouble(browser.findElement(
                        By.cssSelector("#translation > li"))
                        .getAttribute("data-probability"));
                assertEquals(explorer.answer("seventy one", 1).steps()
                        .get(0).probability(), p, 1e-9);
                assertTooltipIsTheModels(browser, "seventy one",
                        Kind.CROSS, 1, 2, 2, 1);

                // the command line's errors, on the page
                ask(browser, "seventy onze");
                waitForError(browser, "error: " + message(
                        "seventy onze"));
                String tooLong = "one ".repeat(BatchDecoding.MAX_WORDS + 1);
                ask(browser, tooLong);
                waitForError(browser, "error: " + message(tooLong));

                // a wide beam over a long sentence, superseded at once by
                // a newer question: the page shows the newer answer
                String longest = "nine hundred ninety nine thousand nine"
                        + " hundred ninety nine";
                browser.findElement(By.id("sentence")).clear();
                browser.findElement(By.id("sentence")).sendKeys(longest);
                new Select(browser.findElement(By.id("beam")))
                        .selectByValue("8");  // asks at once
                String newer = "nine hundred ninety nine thousand";
                ask(browser, newer);
                waitForTranslation(browser, newer);
                assertTrue(!browser.findElement(By.id("error"))
                        .isDisplayed());
                int[] ids = task.sourceVocabulary().encode(Tokens.split(
                        newer));
                List<BeamSearch.Hypothesis> beam = BeamSearch.hypotheses(
                        model, new int[][] {ids}, new int[] {ids.length}, 8,
                        BatchDecoding.maxLength(ids.length)).get(0);
                List<WebElement> rows = browser.findElements(
                        By.cssSelector("#hypotheses tbody tr"));
                assertEquals(beam.size(), rows.size());
                assertEquals(Tokens.join(task.targetVocabulary().decode(
                        beam.get(0).ids())), rows.get(0).findElements(
                        By.tagName("td")).get(1).getText());

                // the book's screenshot: chapter 12's sentence, greedy
                new Select(browser.findElement(By.id("beam")))
                        .selectByValue("1");
                ask(browser, first);
                waitForTranslation(browser, first);
                assertTooltipIsTheModels(browser, first, Kind.ENCODER_SELF,
                        0, 1, 2, 3);
                Path shot = ((TakesScreenshot) browser).getScreenshotAs(
                        OutputType.FILE).toPath();
                Files.copy(shot, OUT.resolve("explorer.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void theExportWorksFromTheDiskWithNoNetwork() throws Exception {
        Path dir = OUT.resolve("export");
        ExploreCommand.export(explorer, dir);
        WebDriver browser = browser(true);
        try {
            browser.get(dir.resolve("index.html").toUri().toString());
            List<String> examples = explorer.examples();
            waitForTranslation(browser, examples.get(0));
            assertTrue(browser.findElement(By.id("mode")).getText()
                    .contains("explore --export"));
            assertTooltipIsTheModels(browser, examples.get(0), Kind.CROSS,
                    1, 0, 1, 2);
            new Select(browser.findElement(By.id("example")))
                    .selectByValue(examples.get(3));
            waitForTranslation(browser, examples.get(3));
            assertEquals(TranslateCommand.translate(model, task,
                    examples.get(3)), Tokens.join(shownWords(browser)));
            ask(browser, "seventy two");  // not among the answers
            waitForError(browser, "error: this page holds answers only for"
                    + " the listed sentences (beam 1 or 4); the program"
                    + " answers any: explore --model DIR");
            // everything the page names (scripts, style sheet) is in its
            // folder, and it asked no server for anything
            @SuppressWarnings("unchecked")
            List<String> named = (List<String>) ((JavascriptExecutor)
                    browser).executeScript("return Array.from(document"
                    + ".querySelectorAll('[src], [href]'), e => e.src ||"
                    + " e.href);");
            assertEquals(List.of("explorer.css", "data.js", "explorer.js"),
                    named.stream().map(u -> u.substring(u.lastIndexOf('/')
                            + 1)).toList(), named.toString());
            for (String url : named) {
                assertTrue(url.startsWith(dir.toAbsolutePath().toUri()
                        .toString()), url);
            }
            @SuppressWarnings("unchecked")
            List<String> requested = (List<String>) ((JavascriptExecutor)
                    browser).executeScript("return performance"
                    + ".getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => !n.startsWith('file:'));");
            assertEquals(List.of(), requested);
        } finally {
            browser.quit();
        }
    }

    static void ask(WebDriver browser, String sentence) {
        WebElement input = browser.findElement(By.id("sentence"));
        input.clear();
        input.sendKeys(sentence, Keys.ENTER);
    }

    static String message(String sentence) {
        try {
            TranslateCommand.translate(model, task, sentence);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("translated: " + sentence);
    }

    /** Waits until every word of the sentence's translation is shown. */
    static void waitForTranslation(WebDriver browser, String sentence) {
        new WebDriverWait(browser, WAIT).until(b -> {
            WebElement list = b.findElement(By.id("translation"));
            return sentence.equals(list.getAttribute("data-sentence"))
                    && "true".equals(list.getAttribute("data-complete"));
        });
    }

    static void waitForError(WebDriver browser, String text) {
        new WebDriverWait(browser, WAIT).until(b -> text.equals(
                b.findElement(By.id("error")).getText()));
    }

    /** The translation's words on the page, without {@code </s>}. */
    static List<String> shownWords(WebDriver browser) {
        List<String> words = new ArrayList<>();
        for (WebElement w : browser.findElements(
                By.cssSelector("#translation .word"))) {
            words.add(w.getText());
        }
        words.remove("</s>");
        return words;
    }

    static final Pattern WEIGHT = Pattern.compile("weight (\\d\\.\\d{6})$");

    /**
     * Points at a cell of one map and reads the tooltip: its weight, shown
     * to six decimals and carried in full, is the model's.
     */
    static void assertTooltipIsTheModels(WebDriver browser, String sentence,
            Kind kind, int layer, int head, int row, int col) {
        String title = (kind == Kind.ENCODER_SELF ? "encoder " : "decoder ")
                + layer + (kind == Kind.CROSS ? " cross" : " self")
                + ", head " + head;
        WebElement map = null;
        for (WebElement svg : browser.findElements(By.cssSelector(
                "svg.map"))) {
            if (svg.findElement(By.cssSelector("text.title")).getText()
                    .equals(title)) {
                map = svg;
            }
        }
        assertTrue(map != null, "no map titled " + title);
        WebElement cell = map.findElement(By.cssSelector("rect.cell[data-row='"
                + row + "'][data-col='" + col + "']"));
        new Actions(browser).moveToElement(cell).perform();
        WebElement tooltip = browser.findElement(By.id("tooltip"));
        new WebDriverWait(browser, WAIT).until(b -> tooltip.isDisplayed()
                && title.equals(tooltip.getAttribute("data-map")));
        List<String> source = Tokens.split(sentence);
        List<String> translation = Tokens.split(TranslateCommand.translate(
                model, task, sentence));
        AttentionMaps maps = model.attentionMaps(task.sourceVocabulary()
                .encode(source), BatchDecoding.decoderInput(task,
                        translation));
        double expected = maps.get(kind, layer, head).weights().get(row, col);
        Matcher m = WEIGHT.matcher(tooltip.getText());
        assertTrue(m.find(), tooltip.getText());
        assertEquals(expected, Double.parseDouble(m.group(1)), 5e-7,
                tooltip.getText());
        assertEquals(expected, Double.parseDouble(tooltip.getAttribute(
                "data-weight")), 1e-9);
        assertTrue(tooltip.getText().contains("query "), tooltip.getText());
    }
}
