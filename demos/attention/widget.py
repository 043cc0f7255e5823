"""The attention game's screens: choice, baseline, the round (rocket, balloon or duel), result with
today's best, "how it worked".

The visit lives in the Qt-free :mod:`~demos.attention.flow`; this widget ticks it every 100 ms,
announces the cues and plays the sounds it returns, and draws its state with the pieces beside it:
:mod:`~demos.attention.sky_view` (the round), :mod:`~demos.attention.result_page` (the score and today's
best), :mod:`~demos.attention.how_it_worked_view` and :mod:`~demos.attention.texts` (what it says).
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from demos.attention.eyes_call_view import EyesCall
from demos.attention.flow import Announce, AttentionFlow, Mode, Options, Phase, Sound
from demos.attention.how_it_worked_view import BandPlot, show_how_it_worked
from demos.attention.leaderboard import LEADERBOARD_FILE, Leaderboard, Retention
from demos.attention.player import Player
from demos.attention.processing import Hold
from demos.attention.result_page import ScoreEntry, show_score, show_today_best
from demos.attention.settings import NAMES_KEPT, SOUND
from demos.attention.sky_view import TEXT_DARK, Sky
from demos.attention.sound import SoundPlayer
from demos.attention.texts import caption, describe_outcome, hint_text, intro_body
from demos.base import DemoContext
from demos.kit.demo import DemoScreen
from demos.kit.i18n import fill, translate
from demos.kit.widgets import (
    INSTRUCTION_MIN_PX,
    Countdown,
    NoticePage,
    ResultScreen,
    mark_instruction,
    touch_button,
)
from drivers.cues import StopReason

TICK_MS = 100
HINT_KEEP_S = 1.5  # a hint stays this long after the artifact ends, so it can be read


class AttentionWidget(DemoScreen):
    """Choice → baseline → round → result → how it worked, on one stacked screen."""

    def __init__(self, context: DemoContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        streams = [context.stream] + ([context.second_stream] if context.second_stream is not None else [])
        self.flow = AttentionFlow(
            [Player(stream) for stream in streams], Options.from_settings(context.settings)
        )
        self.clock = time.time
        self.sound = SoundPlayer(enabled=bool(SOUND.read(context.settings)))
        self.board: Leaderboard | None = None
        #: What staff should know about the board (a damaged file, no disk), on the staff line.
        self.board_note = ""
        if context.data_folder is not None:
            self.board = Leaderboard(
                context.data_folder / LEADERBOARD_FILE,
                retention=Retention(NAMES_KEPT.read(context.settings)),
            )
            if self.board.recovered_from is not None:
                self.board_note = (
                    f"leaderboard file was damaged: kept as {self.board.recovered_from}, a new one started"
                )
            elif not self.board.persistent:
                self.board_note = f"leaderboard waits in memory for its file: {self.board.problem}"
            if self.board_note:
                context.logger.warning("%s", self.board_note)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._hint = ""
        self._hint_until = 0.0
        self._shown_phase: Phase | None = None
        self._build_ui()

    # --- building ---------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.pages = QStackedWidget()
        self.intro_page = QWidget()
        self.intro_title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.intro_title.setStyleSheet(f"font-size: 34px; font-weight: 700; color: {TEXT_DARK};")
        self.intro_body = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.intro_body.setStyleSheet(f"font-size: {INSTRUCTION_MIN_PX}px; color: {TEXT_DARK};")
        mark_instruction(self.intro_body)
        self.focus_button = touch_button()
        self.focus_button.clicked.connect(lambda: self.choose(Mode.FOCUS))
        self.relax_button = touch_button()
        self.relax_button.clicked.connect(lambda: self.choose(Mode.RELAX))
        self.duel_button = touch_button()
        self.duel_button.clicked.connect(lambda: self.choose(Mode.DUEL))
        self.duel_button.setVisible(self.flow.can_duel)
        self.new_player_button = touch_button(primary=False)
        self.new_player_button.clicked.connect(self.new_player)
        self.sound_button = touch_button(primary=False)
        self.sound_button.setCheckable(True)
        self.sound_button.setChecked(self.sound.enabled)
        self.sound_button.toggled.connect(self.set_sound)
        self.board_label = QLabel(alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.board_label.setTextFormat(Qt.TextFormat.RichText)
        self.board_label.setStyleSheet(
            f"font-size: 20px; color: {TEXT_DARK}; background: white; border-radius: 12px; padding: 16px;"
        )
        self.board_label.setMinimumWidth(300)
        self.board_label.setWordWrap(True)  # when names are wiped: a sentence, not a cropped line
        buttons = QHBoxLayout()
        for button in (self.focus_button, self.relax_button, self.duel_button):
            button.setMinimumHeight(72)
            buttons.addWidget(button)
        choice = QVBoxLayout()
        choice.addStretch(1)
        choice.addWidget(self.intro_title)
        choice.addWidget(self.intro_body)
        choice.addSpacing(16)
        choice.addLayout(buttons)
        extras = QHBoxLayout()
        extras.addStretch(1)
        extras.addWidget(self.new_player_button)
        extras.addWidget(self.sound_button)
        extras.addStretch(1)
        choice.addLayout(extras)
        choice.addStretch(1)
        intro = QHBoxLayout(self.intro_page)
        intro.setContentsMargins(32, 16, 32, 16)
        intro.addLayout(choice, 3)
        intro.addSpacing(24)
        intro.addWidget(self.board_label, 1)

        self.play_page = QWidget()
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.caption.setStyleSheet(f"font-size: 30px; font-weight: 600; color: {TEXT_DARK};")
        self.caption.setMinimumHeight(60)
        mark_instruction(self.caption)
        self.sky = Sky(self.flow)
        self.countdown = Countdown()
        self.countdown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hint_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.hint_label.setStyleSheet("font-size: 24px; color: #b35900;")
        self.hint_label.setMinimumHeight(40)
        column = QVBoxLayout(self.play_page)
        column.addWidget(self.caption)
        column.addWidget(self.sky, 1)
        column.addWidget(self.countdown)
        column.addWidget(self.hint_label)

        self.result = ResultScreen()
        self.result.sigPrimary.connect(self._on_result_primary)
        self.result.sigSecondary.connect(self._on_result_secondary)
        self.save_box = ScoreEntry(self.board, self.context.language)
        # The entry's parts, by the names the screen's tests and screenshots reach them.
        self.nickname, self.save_button = self.save_box.nickname, self.save_box.save_button
        self.save_message, self.result_board = self.save_box.save_message, self.save_box.board_label
        self.band_plot = BandPlot()

        self.notice = NoticePage()
        self.notice.sigPrimary.connect(self.retry_baseline)
        self.notice.sigSecondary.connect(self.back_to_choice)

        for page in (self.intro_page, self.play_page, self.result, self.notice):
            self.pages.addWidget(page)
        self.staff_label = QLabel(self.board_note, wordWrap=True)
        self.staff_label.setStyleSheet("color: #777; font-size: 13px;")
        self.staff_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 8)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.staff_label)
        self.eyes_call = EyesCall(self)

    # --- shell hooks ------------------------------------------------------------------------------------
    def start(self) -> None:
        self._timer.start()
        self.redraw()

    def stop(self) -> None:
        self._timer.stop()
        self._act(self.flow.stop())
        if self.board is not None:
            self.board.close()
            self.board = None
            self.save_box.board = None

    def interrupt(self, reason: StopReason) -> None:
        self._timer.stop()
        self._act(self.flow.interrupt(self.clock()))

    def resume(self) -> None:
        self._act(self.flow.resume(self.clock()))
        self._timer.start()
        self.redraw()

    def set_staff_mode(self, on: bool) -> None:
        self.staff_label.setVisible(on)

    # --- visitor events ---------------------------------------------------------------------------------
    def choose(self, mode: Mode) -> None:
        self.save_box.saved = False
        self._act(self.flow.choose(mode, self.clock()))
        self.redraw()

    def retry_baseline(self) -> None:
        self._act(self.flow.retry_baseline(self.clock()))
        self.redraw()

    def back_to_choice(self) -> None:
        self.flow.again()
        self._retranslate_intro()
        self.redraw()

    def new_player(self) -> None:
        """Someone new plays: the next game learns their brain at rest first."""
        self.flow.new_players()
        self.save_box.saved = False
        self._retranslate_intro()
        self.redraw()

    def set_sound(self, on: bool) -> None:
        """Sound on or off for this visit; the staff's default (``SOUND``) is set in the console only,
        so the next visitor starts with it again."""
        self.sound.enabled = on
        self._retranslate_sound()

    def _on_result_primary(self) -> None:
        """After a round: how it worked; after that: play again."""
        if self.flow.phase is Phase.RESULT:
            self.flow.explain()
        else:
            self.back_to_choice()
        self.redraw()

    def _on_result_secondary(self) -> None:
        """After a round: play again; on "how it worked": back to the score."""
        if self.flow.phase is Phase.EXPLAINED:
            self.flow.back_to_result()
            self.redraw()
        else:
            self.back_to_choice()

    def tick(self) -> None:
        now = self.clock()
        self._act(self.flow.tick(now))
        text = self._hints()
        if text:
            self._hint, self._hint_until = text, now + HINT_KEEP_S
        elif now > self._hint_until:
            self._hint = ""
        self.redraw()

    def _hints(self) -> str:
        """Why the score holds, for each player (in a duel, named): in the round only, except a
        headset fault, which staff must hear about at once (the baseline judges its own windows
        afterwards against the visitor's own limits)."""
        flow = self.flow
        if flow.phase not in (Phase.BASELINE, Phase.READY, Phase.ROUND):
            return ""
        texts = []
        for index, player in enumerate(flow.playing):
            hold = flow.hold(player)
            if flow.phase is not Phase.ROUND and hold is not Hold.HEADSET:
                continue
            text = hint_text(hold)
            if text and flow.mode is Mode.DUEL:
                text = fill(translate("Attention", "Player %1: %2"), index + 1, text)
            if text:
                texts.append(text)
        return "  ".join(texts)

    def _act(self, actions) -> None:
        for action in actions:
            if isinstance(action, Announce):
                self.context.cue(action.cue)
            elif isinstance(action, Sound):
                self.sound.play(action.name)

    # --- drawing ----------------------------------------------------------------------------------------
    def redraw(self) -> None:
        phase = self.flow.phase
        now = self.clock()
        self.eyes_call.show_for(self.flow, now, caption(self.flow, now, self._sound_cue))
        if phase in (
            Phase.BASELINE,
            Phase.READY,
            Phase.ROUND,
            Phase.PAUSED,
        ):  # PAUSED: under the shell's page
            self.pages.setCurrentWidget(self.play_page)
            self._draw_play()
        elif phase in (Phase.RESULT, Phase.EXPLAINED):
            self.pages.setCurrentWidget(self.result)
            if self._shown_phase is not phase:
                self._draw_result(fresh=self._shown_phase not in (Phase.RESULT, Phase.EXPLAINED, None))
        elif phase is Phase.BASELINE_FAILED:
            self.pages.setCurrentWidget(self.notice)
            self._draw_failed()
        else:
            self.pages.setCurrentWidget(self.intro_page)
            if self._shown_phase is not phase:
                show_today_best(self.board_label, self.board, None)
        self._shown_phase = phase

    def _draw_play(self) -> None:
        flow, now = self.flow, self.clock()
        left = flow.remaining_s(now)
        self.caption.setText(caption(flow, now, self._sound_cue))
        self.hint_label.setText(self._hint)
        if flow.phase is Phase.BASELINE:
            self.countdown.show_left(left, flow.options.baseline_phase_s)
        elif flow.phase is Phase.ROUND:  # the big number in the round is the score, in the sky
            self.countdown.show_left(
                left, flow.options.round_s, fill(translate("Attention", "%1 s left"), math.ceil(left))
            )
        elif flow.phase is Phase.READY:
            self.countdown.show_left(left, flow.options.ready_s)
        self.sky.setVisible(flow.phase in (Phase.READY, Phase.ROUND))
        self.countdown.number_label.setVisible(flow.phase is not Phase.ROUND)
        self.sky.advance()
        scores = [flow.score(player) for player in flow.playing]
        self.staff_label.setText(
            " · ".join(
                f"P{index + 1}: {score:.0f}" if score is not None else f"P{index + 1}: -"
                for index, score in enumerate(scores)
            )
            + f" · {flow.mode.value} · {flow.phase.value}"
            + "".join(
                f" · P{index + 1} baseline {p.baseline.n_open}+{p.baseline.n_closed} windows"
                + ("" if p.baseline.alpha_rose else ", alpha did not rise with eyes closed")
                for index, p in enumerate(flow.playing)
                if p.baseline is not None
            )
            + (f" · {self.board_note}" if self.board_note else "")
        )

    @property
    def _sound_cue(self) -> bool:
        """A sound will tell closed eyes when to open (the screen's light tells them anyway)."""
        return self.sound.enabled and self.sound.available

    def _draw_result(self, fresh: bool = False) -> None:
        """The result page; ``fresh`` when a round just ended (the nickname box starts empty)."""
        flow, outcome = self.flow, self.flow.outcome
        if outcome is None:
            return
        self.result.set_picture(None)
        if flow.phase is Phase.EXPLAINED:
            show_how_it_worked(self.result, self.band_plot, flow, outcome, self.sky.player_names)
            return
        if fresh and outcome.measured:
            self.context.report_result(lambda outcome=outcome: describe_outcome(outcome))
        show_score(self.result, outcome, self.save_box, fresh)

    def _draw_failed(self) -> None:
        self.notice.show_notice(
            translate("Attention", "Let's try that again"),
            translate(
                "Attention",
                "The headset's signal was not clean enough to learn your brain at rest. Sit still, relax "
                "your jaw, and ask a member of staff to check the headset if this happens again.",
            ),
            translate("Attention", "Try again"),
            translate("Attention", "Back"),
        )

    def _retranslate_sound(self) -> None:
        # Without a sound output the switch could do nothing: visitors do not see it.
        self.sound_button.setVisible(self.sound.available)
        on, off = translate("Attention", "Sound: on"), translate("Attention", "Sound: off")
        self.sound_button.setText(on if self.sound.enabled else off)

    def _retranslate_intro(self) -> None:
        self.new_player_button.setVisible(self.flow.knows_the_players)
        self.intro_body.setText(intro_body(self.flow))

    def retranslate(self) -> None:
        self.intro_title.setText(translate("Attention", "Focus or relax: your brain drives"))
        self._retranslate_intro()
        self.new_player_button.setText(translate("Attention", "New player"))
        self.focus_button.setText(translate("Attention", "Focus: rocket"))
        self.relax_button.setText(translate("Attention", "Relax: balloon"))
        self.duel_button.setText(translate("Attention", "Duel: two players"))
        self.save_box.retranslate()
        self.sky.player_names = (translate("Attention", "Player 1"), translate("Attention", "Player 2"))
        self.sky.score_names = (translate("Attention", "focus"), translate("Attention", "calm"))
        self._retranslate_sound()
        self.band_plot.retranslate()
        self._shown_phase = None
        self.redraw()
