package cn.workplan.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import cn.workplan.document.PrintedPlans.Damage;

/**
 * The plan of the {@code import-parse-large} benchmark ({@code scripts/bench.sh}): a generated plan of 70 chapters
 * (about 60 KB) printed with several kinds of damage at once (mixed marks, items opening with numbers, run-in
 * headings, PDF wraps with page numbers, pinyin, the GBK slip, web-page residue), from a fixed seed. Committed as
 * {@value #FIXTURE}; {@code PlanImportLargeTest} checks that it is what this class makes, and how long it takes to read.
 * Written again with {@code java ... cn.workplan.document.LargeDamagedPlan} from the test classpath.
 */
final class LargeDamagedPlan {

    static final String FIXTURE = "src/test/resources/bench/damaged-plan-60k.txt";
    private static final long SEED = 20_261_313L;

    private LargeDamagedPlan() {
    }

    static String text() {
        var random = new Random(SEED);
        var plan = new GeneratedPlans(random).chapters(70).plan(0.2);
        return new PrintedPlans(random, Damage.MIXED).print(plan).text();
    }

    public static void main(String[] args) throws IOException {
        var text = text();
        Files.writeString(Path.of(FIXTURE), text, StandardCharsets.UTF_8);
        System.out.println(FIXTURE + ": " + text.getBytes(StandardCharsets.UTF_8).length + " bytes");
    }
}
