"""The speller's UI: the flickering keys, the typed text, the controls, and the trial flow.

The flow of one trial: cue (the key to copy gets a yellow frame; the display's refresh rate is
measured meanwhile) → flicker (onset marker on the first frame; the decoder polls the stream) →
decision → feedback (the chosen key turns green, or red when it was not the cued one) → next.
All decoding and scoring live in the Qt-free :mod:`~demos.ssvep_speller.session`; this widget
renders, times the phases and forwards events.

Safety: no flicker before the photosensitivity warning was acknowledged in this session (a fresh
widget per visitor); any touch, click or key press while keys flicker stops the flicker at once;
a flicker never lasts longer than the maximum continuous time; a reduced-contrast option.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from demos.base import DemoContext
from demos.ssvep_speller.layouts import BACKSPACE, SPACE, Layout, Task, builtin_layouts
from demos.ssvep_speller.processing import FBCCA, Decision, EnsembleTRCA
from demos.ssvep_speller.session import (
    INTERRUPTED_MARKER,
    Calibration,
    OnlineDecoder,
    OnsetReader,
    Outcome,
    SpellingRun,
    TrialRecord,
    calibrated_stopping_rule,
    decimation_for,
    decision_marker,
    onset_marker,
)
from demos.ssvep_speller.stimulus_view import FrameDriver, KeyMark, KeyScene, RasterCanvas, make_canvas
from drivers.roles import Role

CUE_S = 1.0
FEEDBACK_S = 0.7
MAX_FLICKER_S = 6.0
CALIBRATION_BLOCKS = 2  # TRCA needs two trials of every key
CALIBRATION_TRIAL_S = 1.5
REDUCED_CONTRAST = 0.4
POLL_INTERVAL_MS = 50
NO_SIGNAL_GRACE_S = 1.5  # an onset marker that has not shown up by then means no data is coming
STOP_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.TabletPress,
    }
)
SPECIAL_KEYS = {
    SPACE: QT_TRANSLATE_NOOP("SsvepSpeller", "Space"),
    BACKSPACE: QT_TRANSLATE_NOOP("SsvepSpeller", "Delete"),
}


def forget_popup_with_box(box: QComboBox) -> None:
    """Let Qt's style-sheet cache drop the box's popup frame when the box is deleted.

    Under a style sheet (the main window has one), QStyleSheetStyle caches render rules per widget,
    keyed by address, and drops a widget's entry when the widget is destroyed, but only for widgets
    it deems stylable. A combo box's popup frame is not, so every combo box left an entry behind
    (0.3-0.8 kB; 1-1.7 kB per speller opened), reused only when a later widget got the same address.
    A style sheet of its own (a comment: it styles nothing) makes the frame one the cache watches.
    """
    box.view().parentWidget().setStyleSheet("/* tracked by the style-sheet cache */")


class SpellerWidget(QWidget):
    """Free and copy spelling on the layouts in ``layouts/``, decoded live with FBCCA."""

    def __init__(self, context: DemoContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = context.settings
        self.layouts = builtin_layouts()
        self.layout_: Layout = self.layouts.get(
            str(self.settings.value("layout", "keyboard40")), None
        ) or next(iter(self.layouts.values()))
        self.cue_s = float(self.settings.value("cue_s", CUE_S))
        self.feedback_s = float(self.settings.value("feedback_s", FEEDBACK_S))
        self.max_flicker_s = float(self.settings.value("max_flicker_s", MAX_FLICKER_S))
        self.warning_acknowledged = False
        self.run: SpellingRun | None = None
        self.records: list[dict] = []
        self.channels = context.stream.channels_with_role(Role.OCCIPITAL, Role.PARIETAL)
        self._online: OnlineDecoder | None = None
        self._mode = "idle"  # "calibrating" | "spelling" while a block runs (paused or not)
        self._calibration: Calibration | None = None
        self._decimation = decimation_for(context.stream.sampling_rate)
        self._decoding_rate = context.stream.sampling_rate / self._decimation
        self._calibration_reader = OnsetReader(
            self.channels, context.stream.sampling_rate, decimation=self._decimation
        )
        self._trca: EnsembleTRCA | None = None  # fitted on this layout in this session
        self._cued: int | None = None
        self._intended: int | None = None
        self._trial_started = 0.0
        self._flicker_deadline = 0.0
        self._free_plan = 0
        self._paused = False
        self._filtering = False
        self._last: TrialRecord | None = None

        self.scene = KeyScene()
        self.canvas = make_canvas(self.scene)
        self.driver = FrameDriver(self.canvas, self.max_flicker_s)
        self.driver.sigOnset.connect(self._on_onset)
        self.driver.sigLimitReached.connect(lambda: self._interrupt("limit"))
        self.driver.sigNoVsync.connect(self._fall_back_to_raster)
        self._build_ui()
        self._phase_timer = QTimer(self)
        self._phase_timer.setSingleShot(True)
        self._phase_timer.timeout.connect(lambda: self._after_phase())
        self._after_phase: Callable[[], None] = self._next_trial
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_INTERVAL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self._select_layout(self.layout_.name)
        self.retranslate()

    # --- building -------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.prompt_label = QLabel()
        self.prompt_label.setObjectName("spellerPrompt")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setStyleSheet("font-size: 22px;")
        self.prompt_label.setMinimumHeight(64)  # two lines, so the keys don't jump when the text grows
        self.text_label = QLabel()
        self.text_label.setObjectName("spellerText")
        self.text_label.setMinimumHeight(64)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setStyleSheet(
            "font-size: 34px; background: #111; color: #fff; padding: 6px 12px; border-radius: 6px;"
        )
        self.start_button = QPushButton()
        self.start_button.setMinimumSize(180, 56)
        self.start_button.clicked.connect(self.toggle)
        self.layout_box = QComboBox()
        self.layout_box.setMinimumHeight(44)
        self.layout_box.activated.connect(lambda _: self._select_layout(self.layout_box.currentData()))
        self.task_box = QComboBox()
        self.task_box.setMinimumHeight(44)
        for box in (self.layout_box, self.task_box):
            forget_popup_with_box(box)
        self.contrast_box = QCheckBox()
        self.contrast_box.setChecked(str(self.settings.value("reduced_contrast", "false")).lower() == "true")
        self.contrast_box.toggled.connect(lambda on: self.settings.set_value("reduced_contrast", on))
        self.calibrated_box = QCheckBox()
        self.calibrated_box.setChecked(str(self.settings.value("calibrated", "false")).lower() == "true")
        self.calibrated_box.toggled.connect(lambda on: self.settings.set_value("calibrated", on))
        self.staff_box = QCheckBox()
        self.staff_box.setChecked(str(self.settings.value("staff_info", "true")).lower() == "true")
        self.staff_box.toggled.connect(self._on_staff_toggled)
        self.staff_label = QLabel()
        self.staff_label.setObjectName("spellerStaffInfo")
        self.staff_label.setStyleSheet("color: #777; font-size: 13px;")
        self.staff_label.setVisible(self.staff_box.isChecked())

        controls = QHBoxLayout()
        controls.addWidget(self.start_button)
        for widget in (self.layout_box, self.task_box):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.contrast_box)
        controls.addWidget(self.calibrated_box)
        controls.addWidget(self.staff_box)
        speller = QWidget()
        column = QVBoxLayout(speller)
        self.canvas_holder = column
        column.addWidget(self.prompt_label)
        column.addWidget(self.text_label)
        column.addWidget(self.canvas, 1)
        column.addWidget(self.staff_label)
        column.addLayout(controls)

        self.warning_label = QLabel()
        self.warning_label.setObjectName("photosensitivityWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning_label.setStyleSheet("font-size: 24px; padding: 24px;")
        self.accept_button = QPushButton()
        self.accept_button.setMinimumSize(260, 64)
        self.accept_button.clicked.connect(self.acknowledge_warning)
        self.decline_button = QPushButton()
        self.decline_button.setMinimumSize(180, 64)
        self.decline_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        warning = QWidget()
        warning_column = QVBoxLayout(warning)
        warning_column.addStretch(1)
        warning_column.addWidget(self.warning_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        warning_column.addLayout(buttons)
        warning_column.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(speller)
        self.pages.addWidget(warning)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 8, 8)
        outer.addWidget(self.pages)

    # --- public controls ------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Calibration or spelling is going on (cue, flicker or feedback): the controls are locked."""
        return self._mode != "idle" and not self._paused

    def toggle(self) -> None:
        if self.busy:
            self.stop_run()
        elif not self.warning_acknowledged:
            self.pages.setCurrentIndex(1)
        else:
            self.start_run()

    def acknowledge_warning(self) -> None:
        self.warning_acknowledged = True
        self.context.logger.info("photosensitivity warning acknowledged")
        self.pages.setCurrentIndex(0)
        self.start_run()

    def start_run(self) -> None:
        """Start (or, after a pause, continue); refuses while the warning is unacknowledged.

        In calibrated mode without a fitted decoder for this layout, the calibration block comes first.
        """
        if not self.warning_acknowledged:
            self.pages.setCurrentIndex(1)
            return
        if not self._paused:
            if self.calibrated_box.isChecked() and self._trca is None:
                blocks = int(self.settings.value("calibration_blocks", CALIBRATION_BLOCKS))
                trial_s = float(self.settings.value("calibration_trial_s", CALIBRATION_TRIAL_S))
                self._calibration = Calibration(self.layout_, blocks=blocks, trial_s=trial_s)
                self._mode = "calibrating"
                self.context.logger.info(
                    "calibration: %d trials of %.1f s on %s",
                    len(self._calibration.sequence),
                    trial_s,
                    self.layout_.name,
                )
            else:
                self._new_run()
        self._paused = False
        self._update_controls()
        self._next_trial()

    def _new_run(self) -> None:
        task_index = self.task_box.currentData()
        task = self.layout_.tasks[task_index] if task_index is not None else None
        self.run = SpellingRun(self.layout_, task)
        if self.calibrated_box.isChecked() and self._trca is not None:
            rule = calibrated_stopping_rule(self.layout_.stopping, self._trca.template_s)
            self._online = OnlineDecoder(self._trca, self.channels, rule, decimation=self._decimation)
        else:
            mains = self.context.stream.mains_hz
            decoder = FBCCA(self.layout_.frequencies, self._decoding_rate, mains_hz=mains)
            self._online = OnlineDecoder(
                decoder, self.channels, self.layout_.stopping, decimation=self._decimation
            )
        self._online.prepare()
        self._mode = "spelling"
        self.context.logger.info(
            "speller run: layout %s, %s, %s",
            self.layout_.name,
            f"copy {task.text}" if task else "free spelling",
            self._decoder_name(),
        )

    def stop_run(self) -> None:
        """Stop everything now; the run's record goes to the log."""
        self._end_flicker()
        self._phase_timer.stop()
        self.driver.halt()
        self.scene.marks = {}
        if self.run is not None and self.run.trials and not self.run.finished:
            self._save_record()  # a finished run saved its record already
        self.run = None
        self._calibration = None  # an unfinished calibration is not worth keeping
        self._mode = "idle"
        self._paused = False
        self.prompt_label.setText(
            QCoreApplication.translate("SsvepSpeller", "Press Start when you are ready.")
        )
        self._update_controls()

    def stop(self) -> None:
        """The demo is leaving the screen: no timer, flicker or event filter may survive it."""
        self.stop_run()
        self._poll_timer.stop()

    # --- trial flow -----------------------------------------------------------------------------
    def _next_trial(self) -> None:
        if self._mode == "calibrating":
            if self._calibration.done:
                self._finish_calibration()
                return
            self._cued = self._intended = self._calibration.next_cue
        elif self._mode == "spelling":
            if self.run.finished:
                self._finish_run()
                return
            self._cued = self.run.next_cue
            self._intended = self._cued if self._cued is not None else self._free_plan_key()
        else:
            return
        self.scene.marks = {self._cued: KeyMark.CUED} if self._cued is not None else {}
        if self._mode == "calibrating":
            self.prompt_label.setText(
                QCoreApplication.translate(
                    "SsvepSpeller",
                    "Calibration %1 of %2: look at the key with the yellow frame while it flickers.",
                )
                .replace("%1", str(len(self._calibration.windows) + 1))
                .replace("%2", str(len(self._calibration.sequence)))
            )
        elif self._cued is not None:
            self.prompt_label.setText(
                QCoreApplication.translate(
                    "SsvepSpeller",
                    "Look at the key with the yellow frame. Keep looking while the keys flicker.",
                )
            )
        else:
            self.prompt_label.setText(
                QCoreApplication.translate(
                    "SsvepSpeller", "Look at the key you want. Keep looking while the keys flicker."
                )
            )
        self._trial_started = time.monotonic()
        self.driver.run()
        self._start_phase(self.cue_s, self._start_flicker)

    def _start_phase(self, seconds: float, then: Callable[[], None]) -> None:
        self._after_phase = then
        self._phase_timer.start(round(seconds * 1000))

    def _start_flicker(self) -> None:
        refresh = self.driver.clock.refresh_hz
        problems = self.layout_.problems_at(refresh) if refresh else []
        if problems:
            self.context.logger.warning("display cannot show layout %s: %s", self.layout_.name, problems)
            self.stop_run()
            self.prompt_label.setText(
                QCoreApplication.translate("SsvepSpeller", "This screen refreshes too slowly for these keys.")
            )
            return
        cursor, marker = self.context.stream.total_samples, onset_marker(self._cued)
        if self._mode == "calibrating":
            self._calibration_reader.begin(cursor, marker)
            longest_s = self._calibration.trial_s
        else:
            self._online.begin(cursor, marker)
            longest_s = self._online.rule.max_s
        contrast = REDUCED_CONTRAST if self.contrast_box.isChecked() else 1.0
        self.driver.start_flicker(self.layout_.frequencies, self.layout_.phases, contrast)
        self.scene.marks = {}
        self._update_staff_info()
        QApplication.instance().installEventFilter(self)
        self._filtering = True
        self._flicker_deadline = time.monotonic() + longest_s + NO_SIGNAL_GRACE_S
        self._poll_timer.start()

    def _fall_back_to_raster(self) -> None:
        """No vsync (e.g. Mesa under Xvfb): OpenGL only adds cost, so the raster canvas takes over."""
        if isinstance(self.canvas, RasterCanvas):
            return
        raster = RasterCanvas(self.scene)
        self.canvas_holder.replaceWidget(self.canvas, raster)
        self.canvas.hide()
        self.canvas.deleteLater()
        self.canvas = raster
        self.driver.use_canvas(raster)
        self.context.logger.info("no vsync on this display: the stimulus is timer-paced on the raster canvas")

    def _on_onset(self, wall_time: float) -> None:
        """The first flicker frame is on screen: mark it in the stream, and the virtual visitor looks."""
        self.context.insert_marker(onset_marker(self._cued))
        visitor = self.context.visitor
        if visitor is not None and self._intended is not None:
            key = self.layout_.keys[self._intended]
            visitor.look_at(key.frequency_hz, key.phase_rad, onset=wall_time)

    def _poll(self) -> None:
        if self._mode == "calibrating":
            data = self._calibration_reader.read(self.context.stream)
            if self._calibration_reader.broken:
                self._signal_gap()
                return
            if data.shape[1] >= round(self._calibration.trial_s * self._decoding_rate):
                self._calibration_trial_done(data)
                return
        else:
            decision = self._online.poll(self.context.stream)
            if self._online.broken:
                self._signal_gap()
                return
            if decision is not None:
                self._decided(decision)
                return
        if time.monotonic() > self._flicker_deadline:
            self.context.logger.warning("no EEG arrived during the flicker; trial abandoned")
            self._interrupt("no-signal")

    def _end_flicker(self) -> TrialRecord:
        """Stop flicker, polling and the input filter; the frame timing of what was shown."""
        self._poll_timer.stop()
        if self._filtering:
            QApplication.instance().removeEventFilter(self)
            self._filtering = False
        clock = self.driver.flicker_clock
        self.driver.stop_flicker()
        if self.context.visitor is not None:
            self.context.visitor.look_away()
        trial = TrialRecord(self._cued, Outcome.INTERRUPTED, refresh_hz=round(self.driver.refresh_hz, 3))
        trial.vsync = self.driver.vsync
        trial.seconds = time.monotonic() - self._trial_started
        if clock is not None:
            trial.dropped_frames = clock.dropped_frames
            trial.frame_intervals_ms = [round(1000 * interval, 3) for interval in clock.intervals_s]
        return trial

    def _decided(self, decision: Decision) -> None:
        trial = self._end_flicker()
        accepted = decision.confidence >= self.layout_.stopping.accept
        self.context.insert_marker(decision_marker(decision, accepted))
        trial.outcome = Outcome.TYPED if accepted else Outcome.UNSURE
        trial.target, trial.confidence, trial.window_s = (
            decision.target,
            decision.confidence,
            decision.window_s,
        )
        self.run.add(trial)
        self._last = trial
        self.context.logger.info(
            "trial: cued %s, %s %s, confidence %.2f after %.2f s, %d dropped frames",
            self._cued,
            trial.outcome,
            decision.target,
            decision.confidence,
            decision.window_s,
            trial.dropped_frames,
        )
        if accepted:
            if self._cued is None:
                self._free_plan += 1
            right = self._cued is None or decision.target == self._cued
            self.scene.marks = {decision.target: KeyMark.CHOSEN if right else KeyMark.WRONG}
            self.prompt_label.setText(
                QCoreApplication.translate("SsvepSpeller", "Got it!")
                if right
                else QCoreApplication.translate("SsvepSpeller", "Oops, not that one. On to the next.")
            )
        else:
            self.scene.marks = {}
            self.prompt_label.setText(
                QCoreApplication.translate(
                    "SsvepSpeller", "I'm not sure which key you looked at. Let's try again."
                )
            )
        self._show_text()
        self._update_staff_info()
        self._start_phase(self.feedback_s, self._next_trial)

    def _signal_gap(self) -> None:
        """Samples were lost (or arrived broken) during the flicker: decide nothing, ask again."""
        trial = self._end_flicker()
        trial.outcome = Outcome.SIGNAL_GAP
        self.context.insert_marker(INTERRUPTED_MARKER)
        if self._mode == "spelling":
            self.run.add(trial)
        self.context.logger.warning("samples lost during the flicker: trial not decided, asking again")
        self.scene.marks = {}
        self.prompt_label.setText(
            QCoreApplication.translate(
                "SsvepSpeller", "The signal dropped out for a moment. Let's try that again."
            )
        )
        self._update_staff_info()
        self._start_phase(self.feedback_s, self._next_trial)

    def _calibration_trial_done(self, data: np.ndarray) -> None:
        trial = self._end_flicker()
        self._calibration.add(data)
        self.context.logger.info(
            "calibration trial %d/%d: key %d, %d dropped frames",
            len(self._calibration.windows),
            len(self._calibration.sequence),
            self._cued,
            trial.dropped_frames,
        )
        self.scene.marks = {}
        self._start_phase(self.feedback_s, self._next_trial)

    def _finish_calibration(self) -> None:
        """Fit the calibrated decoder and go straight on to spelling with it."""
        calibration, self._calibration = self._calibration, None
        try:
            self._trca = calibration.fit(self._decoding_rate, self.context.stream.mains_hz)
            self.context.logger.info("calibrated: ensemble TRCA on %d trials", len(calibration.windows))
        except Exception:  # a failed fit must not end the visit: the training-free decoder works
            self.context.logger.exception("calibration failed; spelling with FBCCA instead")
            self.calibrated_box.setChecked(False)
        self._new_run()
        self._update_controls()
        self._next_trial()

    def _decoder_name(self) -> str:
        return "TRCA" if self._online is not None and self._online.decoder is self._trca else "FBCCA"

    def _interrupt(self, reason: str) -> None:
        """Touch, click, key or the time limit: the flicker stops now and the run pauses."""
        if self._mode == "idle" or not self.driver.flickering:
            return
        trial = self._end_flicker()
        self.context.insert_marker(INTERRUPTED_MARKER)
        if self.run is not None:
            self.run.add(trial)
        self.context.logger.info("flicker stopped (%s) after %.2f s", reason, trial.seconds)
        self.driver.halt()
        self._phase_timer.stop()
        self._paused = True
        self.prompt_label.setText(
            QCoreApplication.translate("SsvepSpeller", "Stopped. Press Continue when you are ready.")
            if reason != "no-signal"
            else QCoreApplication.translate(
                "SsvepSpeller", "No signal from the headset. A member of staff will check it."
            )
        )
        self._update_controls()

    def _finish_run(self) -> None:
        self._mode = "idle"
        self.driver.halt()
        self.scene.marks = {}
        self.prompt_label.setText(self._describe_summary())
        self._save_record()
        self._update_controls()

    def _save_record(self) -> None:
        record = self.run.record()
        record["language"] = QLocale().name()
        self.records.append(record)
        self.context.logger.info("speller session record: %s", json.dumps(record, ensure_ascii=False))

    def _free_plan_key(self) -> int | None:
        """In free spelling the virtual visitor types the layout's first task, over and over."""
        if self.context.visitor is None or not self.layout_.tasks:
            return None
        keys = self.layout_.tasks[0].keys
        return keys[self._free_plan % len(keys)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in STOP_EVENTS and self.driver.flickering:
            self._interrupt("input")
            return True  # the touch only stops the flicker; it does not also press a button
        return False

    # --- showing --------------------------------------------------------------------------------
    def _language(self) -> str:
        return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"

    def _labels(self) -> list[str]:
        labels = self.layout_.display_labels(self._language())
        return [
            QCoreApplication.translate("SsvepSpeller", SPECIAL_KEYS[key.label])
            if key.label in SPECIAL_KEYS
            else label
            for key, label in zip(self.layout_.keys, labels, strict=True)
        ]

    def _select_layout(self, name: str) -> None:
        if self.busy or name not in self.layouts:
            return
        if name != self.layout_.name:
            self._trca = None  # a calibration belongs to the layout it was made on
        self.layout_ = self.layouts[name]
        self.settings.set_value("layout", name)
        self.run = None
        self._mode = "idle"
        self._paused = False
        self.scene.set_grid(self.layout_.rows, self.layout_.columns, self._labels())
        self.scene.marks = {}
        self.retranslate()
        self.canvas.update()

    def _show_text(self) -> None:
        labels = self.layout_.display_labels(self._language())
        typed = html.escape(self.run.text(labels)) if self.run else ""
        task = self.run.task if self.run else None
        if task is not None:
            goal = html.escape(self._task_label(task, labels))
            self.text_label.setText(f"{typed}▏  <span style='color:#888'>→ {goal}</span>")
        else:
            self.text_label.setText(f"{typed}▏")

    def _task_label(self, task: Task, labels: list[str]) -> str:
        """A word is shown as written; a phrase-board task as its phrases in the visitor's language."""
        return " ".join(labels[key] for key in task.keys) if self.layout_.separator else task.text

    def _describe_summary(self) -> str:
        summary = self.run.summary()
        task = self.run.task
        if task is None or summary.selections == 0:
            return QCoreApplication.translate("SsvepSpeller", "Well done!")
        return (
            QCoreApplication.translate(
                "SsvepSpeller",
                "Done! You spelled %1 in %2 seconds with your eyes and brain only. %3 of %4 choices "
                "were right (%5 %). That is %6 bits of information per minute, about %7 choices a minute.",
            )
            .replace("%1", self._task_label(task, self.layout_.display_labels(self._language())))
            .replace("%2", f"{summary.seconds:.0f}")
            .replace("%3", str(summary.correct))
            .replace("%4", str(summary.selections))
            .replace("%5", f"{100 * summary.accuracy:.0f}")
            .replace("%6", f"{summary.itr_bpm:.0f}")
            .replace("%7", f"{summary.selections_per_minute:.0f}")
        )

    def _on_staff_toggled(self, on: bool) -> None:
        self.settings.set_value("staff_info", on)
        self.staff_label.setVisible(on)

    def _update_staff_info(self) -> None:
        names = ", ".join(self.context.stream.channel_names[i] for i in self.channels)
        total = sum(trial.dropped_frames for trial in self.run.trials) if self.run else 0
        parts = [
            QCoreApplication.translate("SsvepSpeller", "Display %1 Hz (%2)")
            .replace("%1", f"{self.driver.refresh_hz:.1f}")
            .replace(
                "%2",
                QCoreApplication.translate("SsvepSpeller", "vsync")
                if self.driver.vsync
                else QCoreApplication.translate("SsvepSpeller", "timer-paced, no vsync"),
            ),
            QCoreApplication.translate("SsvepSpeller", "dropped frames %1 this trial, %2 this run")
            .replace("%1", str(self._last.dropped_frames if self._last else 0))
            .replace("%2", str(total)),
        ]
        if self._last is not None:
            parts.append(
                QCoreApplication.translate("SsvepSpeller", "last decision after %1 s, confidence %2")
                .replace("%1", f"{self._last.window_s:.2f}")
                .replace("%2", f"{self._last.confidence:.2f}")
            )
        parts.append(
            QCoreApplication.translate("SsvepSpeller", "%1 on %2")
            .replace("%1", self._decoder_name())
            .replace("%2", names)
        )
        self.staff_label.setText(" · ".join(parts))

    def _update_controls(self) -> None:
        busy = self.busy
        self.start_button.setText(
            QCoreApplication.translate("SsvepSpeller", "Stop")
            if busy
            else QCoreApplication.translate("SsvepSpeller", "Continue")
            if self._paused
            else QCoreApplication.translate("SsvepSpeller", "Start")
        )
        for widget in (self.layout_box, self.task_box, self.contrast_box, self.calibrated_box):
            widget.setEnabled(not busy)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        language = self._language()
        self.layout_box.blockSignals(True)
        self.layout_box.clear()
        for layout in self.layouts.values():
            self.layout_box.addItem(layout.display_title(language), layout.name)
        self.layout_box.setCurrentIndex(self.layout_box.findData(self.layout_.name))
        self.layout_box.blockSignals(False)
        chosen = self.task_box.currentIndex()
        self.task_box.clear()
        self.task_box.addItem(QCoreApplication.translate("SsvepSpeller", "Free spelling"), None)
        labels = self.layout_.display_labels(language)
        for index, task in enumerate(self.layout_.tasks):
            meaning = f" ({task.meaning})" if task.meaning else ""
            copy = QCoreApplication.translate("SsvepSpeller", "Copy: %1")
            self.task_box.addItem(copy.replace("%1", self._task_label(task, labels)) + meaning, index)
        self.task_box.setCurrentIndex(max(0, min(chosen, self.task_box.count() - 1)))
        self.contrast_box.setText(QCoreApplication.translate("SsvepSpeller", "Reduced contrast"))
        self.calibrated_box.setText(QCoreApplication.translate("SsvepSpeller", "Calibrated mode (TRCA)"))
        self.staff_box.setText(QCoreApplication.translate("SsvepSpeller", "Staff info"))
        self.warning_label.setText(
            QCoreApplication.translate(
                "SsvepSpeller",
                "This game uses flickering lights.\n\nA very small number of people can have a seizure "
                "when they see flashing lights. If you or anyone in your family has epilepsy or has "
                "ever had a seizure, please do not play, and tell a member of staff.\n\nTouch the "
                "screen or press any key at any time to stop the flicker.",
            )
        )
        self.accept_button.setText(QCoreApplication.translate("SsvepSpeller", "I understand, start"))
        self.decline_button.setText(QCoreApplication.translate("SsvepSpeller", "Not now"))
        self.scene.set_grid(self.layout_.rows, self.layout_.columns, self._labels())
        if self.run is None:
            self.prompt_label.setText(
                QCoreApplication.translate("SsvepSpeller", "Press Start when you are ready.")
            )
        elif self.run.finished:
            self.prompt_label.setText(self._describe_summary())
        self._show_text()
        self._update_staff_info()
        self._update_controls()
        self.canvas.update()
