package org.scratchformer.gradcheck;

/** Thrown by {@link GradCheck#check}: the report's summary is the message. */
public final class GradCheckFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final transient GradCheckReport report;

    GradCheckFailure(GradCheckReport report) {
        super(report.summary());
        this.report = report;
    }

    /** Everything the check found. */
    public GradCheckReport report() {
        return report;
    }
}
