package cn.workplan.execution;

/** The last step of an item's sign-off (办结), and the steps of its history. */
public enum SignOffState {
    /** The lead office proposed the item as done; a leader decides. */
    PROPOSED,
    /** A leader confirmed it: the item is signed off. */
    CONFIRMED,
    /** A leader sent the proposal back with a comment. */
    RETURNED,
    /** A leader reopened the signed-off item, with a reason. */
    REOPENED;

    public String messageKey() {
        return "signOff.state." + name();
    }
}
