package cn.workplan.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import cn.workplan.system.InvalidInputException;

/**
 * Several people take the same step at the same moment, each in a thread of their own (so in a transaction of their
 * own), released together by a barrier.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /** What each was told, in their order: "done", or the message key of the refusal. */
    public static <T> List<String> run(List<T> people, Consumer<T> step) {
        var barrier = new CyclicBarrier(people.size());
        var outcomes = new ArrayList<CompletableFuture<String>>();
        for (var person : people) {
            outcomes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                    step.accept(person);
                    return "done";
                } catch (InvalidInputException e) {
                    return e.code();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return outcomes.stream().map(CompletableFuture::join).toList();
    }
}
