"""The speller's screen: draws the keys, the prompt and the typed text, and forwards events.

The trial flow lives in the Qt-free :mod:`~demos.ssvep_speller.flow`; this widget only turns the
visitor's touches, its timers and the stimulus' first frame into flow events, and carries out the
actions the flow returns. The shell owns the photosensitivity warning, stop-on-touch and the
flicker time limit (see :mod:`app.demo_gate`): they reach this screen as ``interrupt``/``resume``.
"""

from __future__ import annotations

import html
import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from demos.base import DemoContext
from demos.kit.demo import DemoScreen
from demos.kit.i18n import fill, translate
from demos.kit.widgets import INSTRUCTION_MIN_PX, mark_instruction, touch_button, touch_combo_box
from demos.ssvep_speller.flow import (
    Action,
    Announce,
    Options,
    Phase,
    Plan,
    Poll,
    Prompt,
    SaveRecord,
    Say,
    ShowMarks,
    SpellerFlow,
    StartFlicker,
    StopFlicker,
    Wait,
)
from demos.ssvep_speller.layouts import Task, builtin_layouts
from demos.ssvep_speller.session import SpellingRun, Summary
from demos.ssvep_speller.settings import CALIBRATED, LAYOUT, SOFTER_FLICKER
from demos.ssvep_speller.stimulus_view import FrameDriver, KeyScene, RasterCanvas, make_canvas
from demos.ssvep_speller.texts import CONTEXT, PROMPTS, SPECIAL_KEYS
from drivers.cues import StopReason

REDUCED_CONTRAST = 0.4
POLL_INTERVAL_MS = 50


class SpellerWidget(DemoScreen):
    """Free and copy spelling on the layouts in ``layouts/``, decoded live (FBCCA, or TRCA after
    a calibration)."""

    def __init__(self, context: DemoContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.settings = context.settings
        self.layouts = builtin_layouts()
        self.flow = SpellerFlow(context.stream, Options.from_settings(self.settings))
        self._prompt: tuple[Prompt, tuple] = (Prompt.READY, ())
        self._resume_trial = False
        self.scene = KeyScene()
        self.canvas = make_canvas(self.scene)
        self.driver = FrameDriver(self.canvas, parent=self)
        self.driver.sigOnset.connect(lambda at: self._do(self.flow.onset(at)))
        self.driver.sigNoVsync.connect(self._fall_back_to_raster)
        self._phase_timer = QTimer(self, singleShot=True)
        self._phase_timer.timeout.connect(
            lambda: self._do(self.flow.timer_elapsed(self.driver.clock.refresh_hz))
        )
        self._poll_timer = QTimer(self, interval=POLL_INTERVAL_MS)
        self._poll_timer.timeout.connect(lambda: self._do(self.flow.poll()))
        self._build_ui()
        saved = LAYOUT.read(self.settings)
        self._choose(saved if saved in self.layouts else next(iter(self.layouts)), None)

    def _build_ui(self) -> None:
        self.prompt_label = QLabel(objectName="spellerPrompt", wordWrap=True)
        # What to do next and, at the end, the result ("Done! …"): an instruction, read from 1 m.
        self.prompt_label.setStyleSheet(f"font-size: {INSTRUCTION_MIN_PX}px;")
        mark_instruction(self.prompt_label)
        # Two lines (1.5 em each: Chinese fonts need that much) reserved whatever it says, so the keys
        # never move when the prompt grows into the two-line result.
        self.prompt_label.setFixedHeight(2 * round(1.5 * INSTRUCTION_MIN_PX))
        self.text_label = QLabel(objectName="spellerText", textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.text_label.setMinimumHeight(64)
        self.text_label.setStyleSheet(
            "font-size: 34px; background: #111; color: #fff; padding: 6px 12px; border-radius: 6px;"
        )
        self.start_button = touch_button()
        self.start_button.clicked.connect(self.toggle)
        self.start_over_button = touch_button(primary=False)
        # Hidden until a run ends, but its place is kept: the drop-downs beside it stay where they are.
        keep_place = self.start_over_button.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)
        self.start_over_button.setSizePolicy(keep_place)
        self.start_over_button.clicked.connect(lambda: self._do(self.flow.start_over()))
        self.layout_box, self.task_box = touch_combo_box(), touch_combo_box()
        self.layout_box.activated.connect(lambda _: self._choose(self.layout_box.currentData(), None))
        self.task_box.activated.connect(
            lambda _: self._choose(self.flow.plan.layout.name, self.task_box.currentData())
        )
        self.contrast_box = QCheckBox(checked=SOFTER_FLICKER.read(self.settings))
        self.contrast_box.toggled.connect(lambda on: SOFTER_FLICKER.write(self.settings, on))
        self.calibrated_box = QCheckBox(checked=CALIBRATED.read(self.settings))
        self.calibrated_box.toggled.connect(self._on_calibrated_toggled)
        self.staff_label = QLabel(objectName="spellerStaffInfo", wordWrap=True)
        self.staff_label.setStyleSheet("color: #777; font-size: 13px;")
        controls = QHBoxLayout()
        for widget in (self.start_button, self.start_over_button, self.layout_box, self.task_box):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.staff_row = QWidget()
        staff = QHBoxLayout(self.staff_row)
        staff.setContentsMargins(0, 0, 0, 0)
        for widget in (self.staff_label, self.contrast_box, self.calibrated_box):
            staff.addWidget(widget, 1 if widget is self.staff_label else 0)
        self.staff_row.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 0, 8, 8)
        self.canvas_holder = column
        column.addWidget(self.prompt_label)
        column.addWidget(self.text_label)
        column.addWidget(self.canvas, 1)
        column.addLayout(controls)
        column.addWidget(self.staff_row)

    # --- events -----------------------------------------------------------------------------------------
    def toggle(self) -> None:
        """The big button: Start, Stop or Continue, as the flow stands."""
        flow = self.flow
        self._do(
            flow.continue_() if flow.phase is Phase.PAUSED else flow.stop() if flow.busy else flow.start()
        )

    def _choose(self, layout_name: str, task_index: int | None) -> None:
        """Use this layout and task for the rest of the visit. The staff's default (``LAYOUT``) is not
        written: it is set in the staff console only, so the next visitor starts on it again."""
        if self.flow.busy or layout_name not in self.layouts:
            return
        layout = self.layouts[layout_name]
        task = layout.tasks[task_index] if task_index is not None else None
        self._do(self.flow.choose(Plan(layout, task, self.calibrated_box.isChecked())))
        self.retranslate()

    def _on_calibrated_toggled(self, on: bool) -> None:
        CALIBRATED.write(self.settings, on)
        plan = self.flow.plan
        self._choose(plan.layout.name, plan.layout.tasks.index(plan.task) if plan.task else None)

    def interrupt(self, reason: StopReason) -> None:
        self._resume_trial = self.flow.busy  # a pause of the visitor's own choosing stays one
        self._do(self.flow.interrupted(reason))

    def resume(self) -> None:
        if self._resume_trial:
            self._do(self.flow.continue_())

    def in_flicker_run(self) -> bool:
        """Cue, flicker and feedback follow each other by themselves until the run ends."""
        return self.flow.busy

    def stop(self) -> None:
        self._do(self.flow.leave())
        self.driver.halt()

    def set_staff_mode(self, on: bool) -> None:
        self.staff_row.setVisible(on)

    # --- carrying out the flow's actions ------------------------------------------------------------------
    def _do(self, actions: list[Action]) -> None:
        if not actions:  # most polls during a flicker: nothing changed, nothing to redraw
            return
        for action in actions:
            match action:
                case Announce(cue=cue, at=at):
                    self.context.cue(cue, at)
                case StartFlicker(frequencies=frequencies, phases=phases):
                    contrast = REDUCED_CONTRAST if self.contrast_box.isChecked() else 1.0
                    self.driver.start_flicker(frequencies, phases, contrast)
                case StopFlicker(trial=trial):
                    clock = self.driver.flicker_clock
                    trial.refresh_hz, trial.vsync = round(self.driver.refresh_hz, 3), self.driver.vsync
                    if clock is not None:
                        trial.dropped_frames = clock.dropped_frames
                        trial.frame_intervals_ms = [round(1000 * dt, 3) for dt in clock.intervals_s]
                    self.driver.stop_flicker()
                case Wait(seconds=seconds):
                    if self.flow.phase is Phase.CUE:
                        self.driver.run()  # present frames: the refresh rate is measured during the cue
                    self._phase_timer.start(round(seconds * 1000))
                case Poll(on=on):
                    self._poll_timer.start() if on else self._poll_timer.stop()
                case Say(prompt=prompt, values=values):
                    self._prompt = (prompt, values)
                    if prompt is Prompt.SUMMARY:
                        self._report(*values)
                case ShowMarks(marks=marks):
                    self.scene.marks = dict(marks)
                case SaveRecord(record=record):
                    record["language"] = self.context.language()
                    self.context.logger.info(
                        "speller session record: %s", json.dumps(record, ensure_ascii=False)
                    )
        if not self.flow.busy:
            self._phase_timer.stop()
            self.driver.halt()
        self._refresh()

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

    # --- drawing ----------------------------------------------------------------------------------------
    def _labels(self) -> list[str]:
        layout = self.flow.plan.layout
        labels = layout.display_labels(self.context.language())
        return [
            translate(CONTEXT, SPECIAL_KEYS[key.label]) if key.label in SPECIAL_KEYS else label
            for key, label in zip(layout.keys, labels, strict=True)
        ]

    def _task_label(self, task: Task) -> str:
        """A word is shown as written; a phrase-board task as its phrases in the visitor's language."""
        layout = self.flow.plan.layout
        labels = layout.display_labels(self.context.language())
        return " ".join(labels[key] for key in task.keys) if layout.separator else task.text

    def _report(self, summary: Summary, run: SpellingRun) -> None:
        """A word or phrase finished: one line for the kiosk's thank-you screen."""
        correct, selections = summary.correct, summary.selections
        language = self.context.language  # not the screen: the line outlives it, the screen must not

        def describe() -> str:
            return fill(
                translate("SsvepSpeller", "Spelled %1 with your eyes: %2 of %3 choices right"),
                _typed(run, language()),
                correct,
                selections,
            )

        self.context.report_result(describe)

    def _prompt_text(self) -> str:
        prompt, values = self._prompt
        template = translate(CONTEXT, PROMPTS[prompt])
        if prompt is Prompt.SUMMARY:
            summary, run = values  # what was typed: it differs from the task where a choice was wrong
            values = (
                _typed(run, self.context.language()),
                f"{summary.seconds:.0f}",
                summary.correct,
                summary.selections,
                f"{100 * summary.accuracy:.0f}",
                f"{summary.itr_bpm:.0f}",
                f"{summary.selections_per_minute:.0f}",
            )
        return fill(template, *values)

    def _refresh(self) -> None:
        flow = self.flow
        self.prompt_label.setText(self._prompt_text())
        run = flow.run
        typed = html.escape(run.text(flow.plan.layout.display_labels(self.context.language()))) if run else ""
        task = run.task if run else flow.selected_task
        goal = f"  <span style='color:#888'>→ {html.escape(self._task_label(task))}</span>" if task else ""
        self.text_label.setText(f"{typed}▏{goal}")
        self.start_button.setText(
            translate("SsvepSpeller", "Stop")
            if flow.busy
            else translate("SsvepSpeller", "Continue")
            if flow.phase is Phase.PAUSED
            else translate("SsvepSpeller", "Start")
        )
        self.start_over_button.setVisible(run is not None and not flow.busy)
        for widget in (self.layout_box, self.task_box, self.contrast_box, self.calibrated_box):
            widget.setEnabled(not flow.busy)
        self._update_staff_info()
        self.canvas.update()

    def _fit_start_button(self) -> None:
        """As wide as the widest of its words, so "Stop" and "Continue" don't shift the drop-downs."""
        widths = []
        for word in (
            translate("SsvepSpeller", "Start"),
            translate("SsvepSpeller", "Stop"),
            translate("SsvepSpeller", "Continue"),
        ):
            self.start_button.setText(word)
            widths.append(self.start_button.sizeHint().width())
        self.start_button.setMinimumWidth(max(widths))

    def _update_staff_info(self) -> None:
        names = ", ".join(self.context.stream.channel_names[i] for i in self.flow.channels)
        run, last = self.flow.run, self.flow.last
        total = sum(trial.dropped_frames for trial in run.trials) if run else 0
        sync = (
            translate("SsvepSpeller", "vsync")
            if self.driver.vsync
            else translate("SsvepSpeller", "timer-paced, no vsync")
        )
        parts = [
            fill(translate("SsvepSpeller", "Display %1 Hz (%2)"), f"{self.driver.refresh_hz:.1f}", sync),
            fill(
                translate("SsvepSpeller", "dropped frames %1 this trial, %2 this run"),
                last.dropped_frames if last else 0,
                total,
            ),
        ]
        if last is not None and last.window_s:
            parts.append(
                fill(
                    translate("SsvepSpeller", "last decision after %1 s, confidence %2"),
                    f"{last.window_s:.2f}",
                    f"{last.confidence:.2f}",
                )
            )
        parts.append(fill(translate("SsvepSpeller", "%1 on %2"), self.flow.decoder_name, names))
        self.staff_label.setText(" · ".join(parts))

    def retranslate(self) -> None:
        language, flow = self.context.language(), self.flow
        self.layout_box.clear()
        for layout in self.layouts.values():
            self.layout_box.addItem(layout.display_title(language), layout.name)
        self.layout_box.setCurrentIndex(self.layout_box.findData(flow.plan.layout.name))
        self.task_box.clear()
        self.task_box.addItem(translate("SsvepSpeller", "Free spelling"), None)
        for index, task in enumerate(flow.plan.layout.tasks):
            meaning = task.meaning_for(language)  # the gloss in the visitor's language
            label = (
                fill(translate("SsvepSpeller", "Copy: %1 (%2)"), self._task_label(task), meaning)
                if meaning
                else fill(translate("SsvepSpeller", "Copy: %1"), self._task_label(task))
            )
            self.task_box.addItem(label, index)
        chosen = flow.plan.task
        self.task_box.setCurrentIndex(flow.plan.layout.tasks.index(chosen) + 1 if chosen else 0)
        self.start_over_button.setText(translate("SsvepSpeller", "Start over"))
        self._fit_start_button()
        self.contrast_box.setText(translate("SsvepSpeller", "Reduced contrast"))
        self.calibrated_box.setText(translate("SsvepSpeller", "Calibrated mode (TRCA)"))
        self.scene.set_grid(flow.plan.layout.rows, flow.plan.layout.columns, self._labels())
        self._refresh()


def _typed(run: SpellingRun, language: str) -> str:
    """What the visitor spelled in this run, in ``language`` (it differs from the task where a
    choice was wrong)."""
    return run.text(run.layout.display_labels(language)).strip()
