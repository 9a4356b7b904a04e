package dev.mayday.postmortem;

/** An action item is open until someone marks it done; done is final. */
public enum ActionItemState {
    OPEN, DONE
}
