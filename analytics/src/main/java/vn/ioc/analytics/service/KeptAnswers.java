package vn.ioc.analytics.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Answers kept in memory with the build of the warehouse they were read from: the figures change only when an ingest
 * lands or the KPI store is rebuilt, so an answer read from the build the warehouse reports now is given again without
 * asking it. Bounded by the weight of what is kept (rows, say), the least used going first. The last answer to a
 * question stays available whatever its build, for when the warehouse cannot answer.
 *
 * @param <A> what is kept for a question
 */
public final class KeptAnswers<A> {
    private record Kept<A>(Object build, A answer) {
    }

    private final Cache<Object, Kept<A>> answers;

    /** {@code weight}: how much one answer weighs against {@code maxWeight}. */
    public KeptAnswers(long maxWeight, ToIntFunction<A> weight) {
        this.answers = Caffeine.newBuilder().executor(Runnable::run).maximumWeight(maxWeight)
                .<Object, Kept<A>>weigher((question, kept) -> weight.applyAsInt(kept.answer())).build();
    }

    /** The answer kept for {@code question} if it was read from {@code build}. */
    public Optional<A> from(Object question, Object build) {
        Kept<A> kept = answers.getIfPresent(question);
        return kept != null && kept.build().equals(build) ? Optional.of(kept.answer()) : Optional.empty();
    }

    /** The last answer kept for {@code question}, whatever build it was read from. */
    public Optional<A> last(Object question) {
        return Optional.ofNullable(answers.getIfPresent(question)).map(Kept::answer);
    }

    /** Keeps {@code answer} as read from {@code build} (null: not known, so never given as current). */
    public void keep(Object question, Object build, A answer) {
        answers.put(question, new Kept<>(build == null ? new Object() : build, answer));
    }

    /** The weight of what is kept now. */
    public long weight() {
        return answers.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }
}
