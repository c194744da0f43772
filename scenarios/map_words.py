"""The words the map editor's script shows, in the admin's language (one place for them)."""

from django.utils.translation import gettext as _


def map_words() -> dict[str, str]:
    """Everything the map's script shows, in the admin's language."""
    return {
        "no_text": _("(no text yet)"),
        "no_step": _("a step that does not exist"),
        "undone": _("The last change is undone."),
        "server_error": _(
            "The server could not be reached. Your changes are still here; try again."
        ),
        "saving": _("Saving…"),
        "publishing": _("Publishing…"),
        "saved": _("Draft saved as a new version."),
        "published": _("Saved and published."),
        "unsaved": _("Changes not saved yet"),
        "all_saved": _("Everything is saved"),
        "start": _("Begins here"),
        "ending": _("Ends here"),
        "drag_to_connect": _("Drag onto another step to add a choice"),
        "choices_count_one": _("%(count)s choice"),
        "choices_count": _("%(count)s choices"),
        "choice_alt": _("Choice “%(text)s” (%(quality)s) leads to “%(target)s”"),
        "problem_count_one": _("%(count)s problem"),
        "problem_count": _("%(count)s problems"),
        "no_problems": _("No problems found"),
        "card_help": _("Enter edits this step; arrow keys go to connected steps"),
        "show_step": _("Show the step"),
        "new_step_key": _("step"),
        "new_choice_key": _("choice"),
        "a_new_step": _("a new step"),
        "edit_step": _("Edit step"),
        "close": _("Close the step"),
        "key_is": _("Key (made from the text): %(key)s"),
        "speaker": _("speaker"),
        "speaker_name": _("name of the speaker"),
        "speaker_name_hint": _("For example: Sandra (housing consultant)."),
        "text": _("text"),
        "is_ending": _("this is an ending"),
        "outcome": _("outcome"),
        "outcome_hint": _("What happened, shown on the result page."),
        "fixed_order": _("keep the choices in this order"),
        "make_start": _("Make this the first step"),
        "play_from_here": _("Play from here"),
        "delete_step": _("Delete step"),
        "step_deleted": _("Step deleted. Undo brings it back."),
        "choices": _("choices"),
        "choice_n": _("Choice %(number)s"),
        "choice_text": _("what the learner says or does"),
        "leads_to": _("leads to step"),
        "quality": _("quality"),
        "scores_hint": _("Score per principle, from −2 to +2."),
        "no_principles": _(
            "Choose the principles this scenario scores (above the map) to give scores."
        ),
        "feedback": _("feedback"),
        "feedback_hint": _(
            "Why this choice is desired or less desired. Shown right after choosing."
        ),
        "delete_choice": _("Delete choice"),
        "new_choice_to": _("New choice, leading to"),
        "add_choice": _("Add a choice"),
        "add_choice_ending": _("Add a choice to a new ending"),
        "fix_new_step": _("Add a choice to a new step"),
        "fix_new_ending": _("Add a choice to a new ending"),
        "fix_make_ending": _("Make it an ending"),
        "fix_from": _("From step"),
        "fix_from_choose": _("choose a step"),
        "fix_add_here": _("Add a choice to this step"),
        "fix_from_first": _("First choose the step the choice comes from."),
        "fix_loop_scores": _("Set the scores to 0"),
        "loop_scores_zeroed": _("The scores of this choice are 0 now. Undo brings them back."),
        "step_n": _("Step %(number)s"),
        "confirm_drop_principle_one": _(
            "%(count)s score is given on “%(principle)s”. If you untick the principle, that "
            "score is removed. Untick it anyway?"
        ),
        "confirm_drop_principle": _(
            "%(count)s scores are given on “%(principle)s”. If you untick the principle, "
            "those scores are removed. Untick it anyway?"
        ),
        "principle_dropped_one": _(
            "“%(principle)s” is unticked and %(count)s score removed. Undo brings it back."
        ),
        "principle_dropped": _(
            "“%(principle)s” is unticked and %(count)s scores removed. Undo brings them back."
        ),
        "confirm_end_one": _(
            "This step has %(count)s choice. An ending has no choices, so it will be removed. "
            "Make the step an ending anyway?"
        ),
        "confirm_end": _(
            "This step has %(count)s choices. An ending has no choices, so they will be "
            "removed. Make the step an ending anyway?"
        ),
        "end_has_choices_one": _(
            "This step is an ending but still has %(count)s choice. An ending has no choices."
        ),
        "end_has_choices": _(
            "This step is an ending but still has %(count)s choices. An ending has no choices."
        ),
        "remove_choices": _("Remove the choices"),
        "fix_make_ordinary": _("Make it an ordinary step"),
        "choices_removed": _("The choices are removed. Undo brings them back."),
        "confirm_delete_step": _("Delete the step “%(step)s”? Undo brings it back."),
        "confirm_delete_start": _(
            "“%(step)s” is the step the scenario begins with. If you delete it, “%(next)s” "
            "becomes the first step. Delete it anyway?"
        ),
        "confirm_delete_last": _(
            "“%(step)s” is the only step. Delete it anyway? Undo brings it back."
        ),
        "start_deleted": _(
            "Step deleted. The scenario now begins with “%(next)s”. Undo brings the step back."
        ),
        "not_saved": _("Not saved."),
        "state_live": _("Published"),
        "state_live_draft": _("Published, draft with changes"),
        "state_draft": _("Draft, not published"),
        "view_live": _("View the live page"),
    }
