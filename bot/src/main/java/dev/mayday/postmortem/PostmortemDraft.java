package dev.mayday.postmortem;

import dev.mayday.premortem.PremortemLink;

import java.util.List;
import java.util.Optional;

/**
 * Writes the post-mortem draft: the facts as recorded, the people, the key timeline, the follow-ups, the questions
 * to answer together and a review of blaming language. Pure: the same facts give the same bytes.
 */
public final class PostmortemDraft {

    private final BlamelessReview review;

    public PostmortemDraft() {
        this(new BlamelessReview());
    }

    public PostmortemDraft(BlamelessReview review) {
        this.review = review;
    }

    public RenderedDraft render(PostmortemFacts facts) {
        return render(facts, Optional.empty());
    }

    /** With {@code foreseen}, the pre-mortem the incident is linked to, a "Foreseen?" section follows the follow-ups. */
    public RenderedDraft render(PostmortemFacts facts, Optional<PremortemLink> foreseen) {
        DraftContext context = DraftContext.of(facts);
        ReviewedTexts texts = ReviewedTexts.of(context, review);
        List<BlameFinding> findings = review.review(texts.candidates());
        StringBuilder out = new StringBuilder(4096 + facts.timeline().size() * 96);
        FactsSection.write(context, out);
        PeopleSection.write(context, out);
        TimelineSection.write(context, out);
        FollowUpsSection.write(context, out);
        ForeseenSection.write(context, foreseen, out);
        PromptsSection.write(out);
        ReviewSection.write(context, findings, texts.total(), out);
        return new RenderedDraft(out.toString(), context.milestones().durations(), findings);
    }
}
