"""Motor-imagery decoding without Qt: band-pass, sensorimotor channels, the field's pipelines.

Imagining a hand movement desynchronises the mu (8-13 Hz) and beta (13-30 Hz) rhythms over the
opposite motor cortex (event-related desynchronisation, ERD): imagining the left hand lowers them
over C4, the right hand over C3. The decoders here learn that from a visitor's calibration trials:

- ``csp+lda``: common spatial patterns on the band-passed trials' covariances, log-variance of the
  filtered signals, shrinkage LDA (the classic Graz-BCI recipe);
- ``tangent-space+lr``: each trial's covariance matrix projected onto the tangent space of the
  Riemannian manifold at the mean of the training trials, then logistic regression (Barachant
  et al. 2012);
- ``mdm``: minimum distance to the Riemannian mean of each class.

All three are scikit-learn pipelines of scikit-learn and pyRiemann estimators; nothing of the
classifiers is hand-written. The default, ``tangent-space+lr``, validated best on real data (the
README quotes the numbers on PhysioNet S001); ``bci-showroom evaluate mi`` reproduces them.

Every filter here is causal (``sosfilt`` with kept state), offline as live, so a decoder trained
on calibration trials sees the same signal shape during the game.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from pyriemann.classification import MDM
from pyriemann.estimation import Covariances
from pyriemann.spatialfilters import CSP
from pyriemann.tangentspace import TangentSpace
from scipy import signal, stats
from sklearn.base import BaseEstimator
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline

from drivers.analysis.dsp import CausalFilter
from drivers.roles import Role

BAND_HZ = (8.0, 30.0)
MU_BAND_HZ = (8.0, 13.0)
BETA_BAND_HZ = (13.0, 30.0)
#: The part of a calibration trial the decoders learn from, in seconds after the imagery cue: the
#: first half second is the visitor reading the arrow; ERD is established by then.
EPOCH_S = (0.5, 2.5)
SENSORIMOTOR_ROLES = (Role.SENSORIMOTOR_LEFT, Role.SENSORIMOTOR_RIGHT, Role.CENTRAL)
LEFT, RIGHT = "left", "right"
CLASSES = (LEFT, RIGHT)
DEFAULT_PIPELINE = "tangent-space+lr"
MIN_TRIALS_PER_CLASS = 5
#: Repeats of the 5-fold cross-validation after a live calibration: each fit costs 20-60 ms, and the
#: visitor waits for the result (3 repeats: 16 fits; offline evaluation uses 10).
LIVE_CV_REPEATS = 3
CHANCE_ALPHA = 0.05
#: A band-passed (8-30 Hz) value beyond this is an artifact (a pop, a moved cable, a clench), not
#: imagery: on PhysioNet S001's imagery epochs the largest is 96 µV (median of the maxima 72-76 µV);
#: an 800 µV electrode pop comes through the band-pass at 345 µV.
ARTIFACT_UV = 200.0
FILTER_ORDER = 4


def _csp_lda(n_channels: int) -> Pipeline:
    # CSP pairs: up to 3 per class (6 filters) with many channels, every channel with few.
    return make_pipeline(
        CSP(nfilter=min(6, n_channels), log=True),
        LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto"),
    )


def _tangent_space_lr(n_channels: int) -> Pipeline:
    return make_pipeline(TangentSpace(metric="riemann"), LogisticRegression(C=1.0, max_iter=1000))


def _mdm(n_channels: int) -> Pipeline:
    return make_pipeline(MDM(metric="riemann"))


#: name -> a factory taking the number of channels; each pipeline takes trial covariance matrices
#: (:func:`trial_covariances`). The first is the default.
PIPELINES: dict[str, Callable[[int], Pipeline]] = {
    DEFAULT_PIPELINE: _tangent_space_lr,
    "csp+lda": _csp_lda,
    "mdm": _mdm,
}


def trial_covariances(epochs: np.ndarray) -> np.ndarray:
    """(trials, channels, channels) covariance of each (trials, channels, samples) epoch, shrunk with
    OAS so that few samples on many channels still give well-conditioned matrices.

    Each trial's matrix depends on that trial alone, so it is computed once, before the
    cross-validation: measured, scikit-learn's ``oas`` costs 1-2 ms a call, mostly input checks,
    and a pipeline starting from raw epochs would compute every trial's matrix again in each of
    its fits (320 calls, 0.6 s of the visitor's wait after a calibration of 20 trials).
    """
    return Covariances("oas").transform(epochs)


# 10-10 names over the hand and arm area: the C row with its FC and CP neighbours. Odd numbers are
# the left hemisphere, even ones the right, "z" the midline.
_MOTOR_NAME = re.compile(r"^(FC|C|CP)([1-6]|Z)$")


def role_for_electrode(name: str) -> Role | None:
    """The sensorimotor role of a 10-10 electrode name (``C3`` -> left, ``Cp4.`` -> right, ``FCz`` ->
    central), or None for electrodes elsewhere. PhysioNet pads names with dots; case is ignored."""
    match = _MOTOR_NAME.match(name.strip().strip(".").upper())
    if not match:
        return None
    number = match.group(2)
    if number == "Z":
        return Role.CENTRAL
    return Role.SENSORIMOTOR_LEFT if int(number) % 2 else Role.SENSORIMOTOR_RIGHT


def sensorimotor_channels(roles: Sequence[Role]) -> list[int]:
    """Rows of the channels over the motor strip (left, right or central)."""
    return [index for index, role in enumerate(roles) if role in SENSORIMOTOR_ROLES]


def band_pass_sos(sampling_rate: float, band: tuple[float, float] = BAND_HZ) -> np.ndarray:
    """A 4th-order Butterworth band-pass, its upper edge kept below the Nyquist frequency."""
    high = min(band[1], 0.45 * sampling_rate)
    return signal.butter(FILTER_ORDER, [band[0], high], btype="bandpass", fs=sampling_rate, output="sos")


def causal_band_pass(
    data: np.ndarray, sampling_rate: float, band: tuple[float, float] = BAND_HZ
) -> np.ndarray:
    """A whole recording filtered as the live stream is (causal, state from the first sample)."""
    return CausalFilter(band_pass_sos(sampling_rate, band), data.shape[0])(data)


#: Below this standard deviation a channel carries no EEG (real EEG: 5-30 µV): a loose or shorted
#: electrode, or a board sending zeros, whose covariance no pipeline can use.
FLAT_BELOW_UV = 0.5


def is_unusable(window: np.ndarray) -> bool:
    """A band-passed window no decoder should learn from or decide on: an artifact, or a flat channel."""
    return is_artifact(window) or bool(window.shape[1] and window.std(axis=1).min() < FLAT_BELOW_UV)


def is_artifact(window: np.ndarray) -> bool:
    """A band-passed window with a value beyond :data:`ARTIFACT_UV`: a pop or a moved cable, which a
    decoder would take for the strongest imagery it ever saw (EEG's mu rhythm is 5-50 µV)."""
    return bool(np.abs(window).max(initial=0.0) > ARTIFACT_UV)


def chance_level(n_trials: int, n_classes: int = 2, alpha: float = CHANCE_ALPHA) -> float:
    """The lowest accuracy on ``n_trials`` trials that guessing reaches with probability below
    ``alpha``: the significance threshold of the binomial test (Combrisson & Jerbi 2015).

    Guessing averages 1/``n_classes``, but on few trials it often scores far more: with 20 trials
    14 right (70 %) happens by luck 5.8 % of the time, 15 (75 %) only 2.1 %, so the level for 20
    trials is 75 %; for 30 trials 66.7 %. An accuracy at or above it is better than chance.
    """
    if n_trials < 1:
        raise ValueError("chance needs at least one trial")
    # isf: the largest count k with P(X > k) <= alpha, so k + 1 right answers is the first rare one.
    return float((stats.binom.isf(alpha, n_trials, 1.0 / n_classes) + 1) / n_trials)


@dataclass(frozen=True)
class Validation:
    """One pipeline's cross-validated accuracy on a set of trials, and the chance level for them."""

    pipeline: str
    accuracy: float
    chance: float
    n_trials: int

    @property
    def above_chance(self) -> bool:
        """At or above the chance level: guessing would score this with p < 0.05."""
        return self.accuracy >= self.chance


def cross_validate(
    epochs: np.ndarray,
    labels: Sequence[str],
    pipeline: str = DEFAULT_PIPELINE,
    *,
    n_splits: int = 5,
    n_repeats: int = 10,
    seed: int = 0,
) -> Validation:
    """Stratified, repeated k-fold accuracy of ``pipeline`` on ``epochs`` (trials, channels, samples).

    Folds never split fewer trials than classes: ``n_splits`` shrinks to the smaller class's count.
    """
    labels = np.asarray(labels)
    counts = np.unique(labels, return_counts=True)[1]
    if len(counts) < 2:
        raise ValueError("cross-validation needs trials of two classes")
    splits = int(min(n_splits, counts.min()))
    if splits < 2:
        raise ValueError("cross-validation needs at least two trials of each class")
    folds = RepeatedStratifiedKFold(n_splits=splits, n_repeats=n_repeats, random_state=seed)
    covariances = trial_covariances(epochs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        scores = cross_val_score(PIPELINES[pipeline](epochs.shape[1]), covariances, labels, cv=folds)
    return Validation(pipeline, float(scores.mean()), chance_level(len(labels), len(counts)), len(labels))


class MotorImageryDecoder:
    """One visitor's decoder: trained on calibration epochs, asked about sliding windows.

    Epochs and windows are band-passed (:data:`BAND_HZ`) sensorimotor channels, (channels, samples)
    at the stream's rate; ``probability_right`` is the pipeline's probability that the window is
    right-hand imagery (0.5: undecided). (MDM gives a softmax over its distances.)
    """

    def __init__(self, pipeline: str = DEFAULT_PIPELINE) -> None:
        if pipeline not in PIPELINES:
            raise ValueError(f"unknown pipeline {pipeline!r}; the pipelines are {', '.join(PIPELINES)}")
        self.pipeline_name = pipeline
        self._model: BaseEstimator | None = None
        self._right_column = 1

    @property
    def fitted(self) -> bool:
        """Trained on a calibration: :meth:`probability_right` may be asked."""
        return self._model is not None

    def fit(
        self, epochs: np.ndarray, labels: Sequence[str], *, n_repeats: int = LIVE_CV_REPEATS
    ) -> Validation:
        """Cross-validate on the trials, then fit on all of them; returns the validation."""
        validation = cross_validate(epochs, labels, self.pipeline_name, n_repeats=n_repeats)
        model = PIPELINES[self.pipeline_name](epochs.shape[1])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(trial_covariances(epochs), np.asarray(labels))
        self._right_column = list(model.classes_).index(RIGHT)
        self._model = model
        return validation

    def probability_right(self, window: np.ndarray) -> float:
        """The probability that ``window`` (band-passed channels x samples) is right-hand imagery."""
        if self._model is None:
            raise RuntimeError("the decoder is not trained yet")
        probabilities = self._model.predict_proba(trial_covariances(window[None]))[0]
        return float(probabilities[self._right_column])


def timed_probability(decoder: MotorImageryDecoder, window: np.ndarray) -> tuple[float, float]:
    """(probability of right, milliseconds it took): for benchmarks and the evaluation's report."""
    started = time.perf_counter()
    probability = decoder.probability_right(window)
    return probability, (time.perf_counter() - started) * 1000


def band_powers(data: np.ndarray, sampling_rate: float, bands: Sequence[tuple[float, float]]) -> np.ndarray:
    """(channels, bands) mean power in each band (µV²/Hz), from one Welch spectrum of the window."""
    segment = min(data.shape[1], round(sampling_rate))
    freqs, power = signal.welch(data, fs=sampling_rate, nperseg=segment, axis=1)
    return np.stack([power[:, (freqs >= low) & (freqs <= high)].mean(axis=1) for low, high in bands], axis=1)


@dataclass(frozen=True)
class Erd:
    """Mu and beta power over the left and right motor cortex, as a change from the visitor's rest
    (-0.4: 40 % below rest, the desynchronisation of imagining the opposite hand)."""

    mu_left: float
    mu_right: float
    beta_left: float
    beta_right: float


class ErdMeter:
    """Live ERD bars: band power over the left and right sensorimotor channels against a rest baseline."""

    def __init__(self, roles: Sequence[Role], sampling_rate: float) -> None:
        self.sampling_rate = sampling_rate
        self.left = [i for i, role in enumerate(roles) if role is Role.SENSORIMOTOR_LEFT]
        self.right = [i for i, role in enumerate(roles) if role is Role.SENSORIMOTOR_RIGHT]
        self._rests: list[np.ndarray] = []
        self._rest: np.ndarray | None = None

    def powers(self, raw: np.ndarray) -> np.ndarray:
        """(mu left, mu right, beta left, beta right) power of a raw window."""
        power = band_powers(raw[self.left + self.right], self.sampling_rate, (MU_BAND_HZ, BETA_BAND_HZ))
        left, right = power[: len(self.left)].mean(axis=0), power[len(self.left) :].mean(axis=0)
        return np.array([left[0], right[0], left[1], right[1]])

    def add_rest(self, raw: np.ndarray) -> None:
        """A window taken while the visitor imagined nothing (the fixation before a cue)."""
        self._rests.append(self.powers(raw))
        self._rest = np.median(self._rests, axis=0)

    def measure(self, raw: np.ndarray) -> Erd | None:
        """Relative change of each power from rest, or None before a rest was measured."""
        if self._rest is None or raw.shape[1] < self.sampling_rate / 2:
            return None
        change = self.powers(raw) / np.maximum(self._rest, 1e-12) - 1.0
        return Erd(*(float(np.clip(value, -1.0, 3.0)) for value in change))


@dataclass(frozen=True)
class ErdCourse:
    """Mu power over the left and right motor cortex around the imagery cue, per imagined hand,
    as a change from the second before the cue (the visitor's own data, for "how it worked")."""

    times_s: np.ndarray
    #: (imagined hand, hemisphere) -> relative change, e.g. ("left", "right") is C4 when imagining left
    curves: dict[tuple[str, str], np.ndarray]
    n_trials: dict[str, int]


#: The ERD picture filters each trial on its own; this much signal before its baseline lets the
#: mu band-pass and the 0.5 s smoothing settle (a trial never inherits a neighbour's artifact).
ERD_SETTLE_S = 1.0


def erd_course(
    trials: Sequence[np.ndarray],
    labels: Sequence[str],
    roles: Sequence[Role],
    sampling_rate: float,
    before_s: float = 1.0,
) -> ErdCourse:
    """The classic ERD picture: mu-band power (squared, smoothed over 0.5 s) in every trial, relative
    to its own ``before_s`` before the cue, averaged over trials of each hand, for each hemisphere.

    Each trial is raw (channels, samples) starting :data:`ERD_SETTLE_S` + ``before_s`` before its
    cue; all trials have the same length.
    """
    rate = sampling_rate
    left = [i for i, role in enumerate(roles) if role is Role.SENSORIMOTOR_LEFT]
    right = [i for i, role in enumerate(roles) if role is Role.SENSORIMOTOR_RIGHT]
    settle, before = round(ERD_SETTLE_S * rate), round(before_s * rate)
    smooth = np.ones(round(0.5 * rate)) / round(0.5 * rate)
    changes: dict[str, list[np.ndarray]] = {hand: [] for hand in CLASSES}
    for trial, label in zip(trials, labels, strict=True):
        mu = causal_band_pass(trial[left + right], rate, MU_BAND_HZ) ** 2
        power = signal.lfilter(smooth, [1.0], mu, axis=1)[:, settle:]
        hemispheres = np.stack([power[: len(left)].mean(axis=0), power[len(left) :].mean(axis=0)])
        rest = hemispheres[:, :before].mean(axis=1, keepdims=True)
        changes[label].append(hemispheres / np.maximum(rest, 1e-12) - 1.0)
    length = (trials[0].shape[1] - settle) if len(trials) else before
    curves: dict[tuple[str, str], np.ndarray] = {}
    for hand, found in changes.items():
        mean = np.mean(found, axis=0) if found else np.zeros((2, length))
        curves[hand, LEFT], curves[hand, RIGHT] = mean[0], mean[1]
    return ErdCourse(
        (np.arange(length) - before) / rate, curves, {hand: len(changes[hand]) for hand in CLASSES}
    )
