"""SSVEP decoding: training-free filter-bank CCA (FBCCA) and calibrated ensemble TRCA (numpy/scipy, no Qt).

FBCCA after Chen et al. 2015 (J. Neural Eng. 12:046008): the window is split into sub-bands by
Chebyshev type I band-pass filters, each sub-band is correlated (CCA) with sine/cosine references
at every target's frequency and its harmonics, and the squared canonical correlations are summed
with weights n^-1.25 + 0.25. The target with the largest sum wins; the margin to the runner-up is
the confidence, so a caller can stop as soon as the evidence is strong enough.

Speed: per decision the window is filtered (causally, from cached initial conditions) and
QR-factorised once per sub-band; the references' orthonormal bases are cached per window length;
the canonical correlations of all targets and sub-bands come from one batched eigenvalue call
on small (channels x channels) matrices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from scipy import linalg, signal

VISUAL_LATENCY_S = 0.14  # from stimulus onset to the SSVEP in visual cortex
SUBBAND_STEP_HZ = 8.0
SUBBAND_HIGH_HZ = 88.0
N_SUBBANDS = 5
N_HARMONICS = 5
CHEBY_ORDER = 4
CHEBY_RIPPLE_DB = 0.5
MAINS_NOTCH_Q = 30.0


@dataclass(frozen=True)
class Decision:
    """The chosen target, every target's score and how sure the decoder is (0 = coin toss)."""

    target: int
    scores: np.ndarray
    confidence: float
    window_s: float


def subband_weights(n_bands: int = N_SUBBANDS) -> np.ndarray:
    """Chen et al.'s weights: w(n) = n^-1.25 + 0.25."""
    n = np.arange(1, n_bands + 1)
    return n**-1.25 + 0.25


@lru_cache(maxsize=32)
def filter_bank(
    sampling_rate: float, lowest_hz: float, n_bands: int = N_SUBBANDS, mains_hz: float | None = None
) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    """(second-order sections, unit initial conditions) of each sub-band: [lowest·n, 88 Hz].

    With ``mains_hz`` every sub-band also notches the mains out. Without it, mains hum lands on
    the harmonics of some targets (50 Hz is the 5th of 10 Hz, the 4th of 12.5 Hz) and the speller
    "reads" those keys from a visitor who looks at nothing (measured on the virtual visitor).
    """
    high = min(SUBBAND_HIGH_HZ, 0.45 * sampling_rate)
    notch = None
    if mains_hz and mains_hz < high:
        notch = signal.tf2sos(*signal.iirnotch(mains_hz, MAINS_NOTCH_Q, fs=sampling_rate))
    bands = []
    for n in range(1, n_bands + 1):
        low = lowest_hz * n
        if low >= high - 2:
            break
        sos = signal.cheby1(
            CHEBY_ORDER, CHEBY_RIPPLE_DB, [low, high], btype="bandpass", fs=sampling_rate, output="sos"
        )
        if notch is not None:
            sos = np.vstack((sos, notch))
        bands.append((sos, signal.sosfilt_zi(sos)))
    return tuple(bands)


def subband_signals(window: np.ndarray, bands) -> list[np.ndarray]:
    """The (channels, samples) window through each sub-band filter, mean removed.

    Causal filtering from the window's first sample (cached steady-state initial conditions): as
    accurate as zero-phase filtering here (CCA against sine and cosine references does not care
    about phase, and TRCA templates go through the same filter) at a tenth of sosfiltfilt's cost.
    """
    out = []
    for sos, zi_unit in bands:
        filtered, _ = signal.sosfilt(sos, window, axis=-1, zi=zi_unit[:, None, :] * window[None, :, 0, None])
        filtered -= filtered.mean(axis=-1, keepdims=True)
        out.append(filtered)
    return out


def decision_from_scores(scores: np.ndarray, window_s: float) -> Decision:
    """The best target; confidence is its relative margin over the runner-up (0 = a coin toss,
    1 = the runner-up scored nothing; a negative runner-up, which TRCA's correlations allow, is 1 too)."""
    order = np.argsort(scores)[::-1]
    best = scores[order[0]]
    second = scores[order[1]] if len(scores) > 1 else 0.0
    confidence = min(1.0, float((best - second) / best)) if best > 0 else 0.0
    return Decision(int(order[0]), scores, confidence, window_s)


class FBCCA:
    """Training-free SSVEP decoder for targets at ``frequencies`` (Hz)."""

    def __init__(
        self,
        frequencies: Sequence[float],
        sampling_rate: float,
        *,
        harmonics: int = N_HARMONICS,
        n_bands: int = N_SUBBANDS,
        lowest_hz: float = SUBBAND_STEP_HZ,
        mains_hz: float | None = None,
    ) -> None:
        self.frequencies = np.asarray(frequencies, dtype=float)
        self.sampling_rate = float(sampling_rate)
        self.harmonics = harmonics
        self.bands = filter_bank(self.sampling_rate, lowest_hz, n_bands, mains_hz)
        self.weights = subband_weights(len(self.bands))

    def _reference_bases(self, n_samples: int) -> np.ndarray:
        """Orthonormal bases (targets, samples, 2·harmonics) of the sine/cosine references."""
        return _reference_bases(tuple(self.frequencies), self.sampling_rate, self.harmonics, n_samples)

    def band_scores(self, window: np.ndarray) -> np.ndarray:
        """Each target's squared canonical correlation in each sub-band: (bands, targets)."""
        bases = self._reference_bases(window.shape[1])
        cross = []
        for filtered in subband_signals(window, self.bands):
            q_data, _ = np.linalg.qr(filtered.T)  # (samples, channels)
            cross.append(q_data.T @ bases)  # (targets, channels, 2·harmonics)
        stacked = np.stack(cross)  # (bands, targets, channels, 2·harmonics)
        # The largest canonical correlation is the largest singular value of Qxᵀ·Qy; its square is
        # the largest eigenvalue of (Qxᵀ·Qy)(Qxᵀ·Qy)ᵀ, one small symmetric problem per band and target.
        rho_squared = np.linalg.eigvalsh(stacked @ stacked.transpose(0, 1, 3, 2))[..., -1]
        return np.clip(rho_squared, 0.0, 1.0)

    def scores(self, window: np.ndarray) -> np.ndarray:
        """Weighted sum over sub-bands of each target's squared canonical correlation."""
        return self.weights @ self.band_scores(window)

    def decide(self, window: np.ndarray) -> Decision:
        """The best target for a (channels, samples) window that starts at the visual latency.

        The confidence is the smaller of two margins of the winner over the runner-up: over all
        sub-bands, and over the harmonic sub-bands alone (from 2 x 8 Hz up, where the keys'
        fundamentals are filtered out). A response to flicker has harmonics; the alpha rhythm, the
        usual impostor between 8 and 13 Hz, hardly has any, so it can win a decision but cannot
        make it confident.
        """
        bands = self.band_scores(window)
        decision = decision_from_scores(self.weights @ bands, window.shape[1] / self.sampling_rate)
        if len(bands) < 2:
            return decision
        harmonic = self.weights[1:] @ bands[1:]
        best = harmonic[decision.target]
        rival = np.max(np.delete(harmonic, decision.target)) if len(harmonic) > 1 else 0.0
        harmonic_margin = float(max(0.0, (best - rival) / best)) if best > 0 else 0.0
        return replace(decision, confidence=min(decision.confidence, harmonic_margin))


class EnsembleTRCA:
    """Calibrated SSVEP decoder: ensemble task-related component analysis (Nakanishi et al. 2018).

    From a few calibration trials per target it learns, per sub-band, the spatial filter that makes
    each target's trials most alike (TRCA) and each target's mean response (template). A window is
    projected through the filters of all targets at once (the ensemble) and correlated with every
    template; sub-bands are summed with FBCCA's weights. It needs trials phase-locked to the
    stimulus onset, which the speller's frame-locked stimulus gives (Kalunga's free-running LEDs
    do not, so it sits at chance there). Windows may be shorter than the calibration trials: the
    templates are cut to the window's length, so dynamic stopping works as with FBCCA.
    """

    def __init__(
        self,
        n_targets: int,
        sampling_rate: float,
        *,
        n_bands: int = N_SUBBANDS,
        lowest_hz: float = SUBBAND_STEP_HZ,
        mains_hz: float | None = None,
    ) -> None:
        self.n_targets = n_targets
        self.sampling_rate = float(sampling_rate)
        self.bands = filter_bank(self.sampling_rate, lowest_hz, n_bands, mains_hz)
        self.weights = subband_weights(len(self.bands))
        self.filters: np.ndarray | None = None  # (bands, channels, targets)
        # Each target's template seen through all targets' filters: (bands, targets, filters, samples).
        self.projected_templates: np.ndarray | None = None
        self._cut_templates: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    @property
    def template_s(self) -> float:
        """The calibration trials' length: the longest window this decoder can use."""
        if self.projected_templates is None:
            return 0.0
        return self.projected_templates.shape[-1] / self.sampling_rate

    def fit(self, trials: np.ndarray, labels: Sequence[int]) -> EnsembleTRCA:
        """Learn from ``trials`` (n, channels, samples) of targets ``labels``; every target needs two."""
        labels = np.asarray(labels)
        counts = np.bincount(labels, minlength=self.n_targets)
        if counts.min() < 2:
            missing = [int(target) for target in np.flatnonzero(counts < 2)]
            raise ValueError(f"TRCA needs at least two trials of every target; short of: {missing}")
        per_band = [subband_signals(trial, self.bands) for trial in trials]  # [trial][band] (ch, samples)
        filters, templates = [], []
        for band in range(len(self.bands)):
            band_trials = np.array([signals[band] for signals in per_band])
            chosen = [band_trials[labels == target] for target in range(self.n_targets)]
            filters.append(np.array([_trca_filter(target_trials) for target_trials in chosen]).T)
            templates.append(np.array([target_trials.mean(axis=0) for target_trials in chosen]))
        self.filters = np.array(filters)
        self.projected_templates = np.einsum("bck,btcs->btks", self.filters, np.array(templates))
        self._cut_templates.clear()
        return self

    def scores(self, window: np.ndarray) -> np.ndarray:
        """Weighted sum over sub-bands of the correlation between the projected window and each template."""
        if self.filters is None or self.projected_templates is None:
            raise RuntimeError("EnsembleTRCA.scores before fit")
        n = min(window.shape[1], self.projected_templates.shape[-1])
        templates, template_norms = self._templates_for(n)
        total = np.zeros(self.n_targets)
        for band, filtered in enumerate(subband_signals(window[:, :n], self.bands)):
            projected = (self.filters[band].T @ filtered).ravel()
            projected -= projected.mean()
            norms = template_norms[band] * np.linalg.norm(projected)
            total += self.weights[band] * (templates[band] @ projected) / np.where(norms > 0, norms, 1.0)
        return total

    def _templates_for(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Templates cut to ``n`` samples, flattened and centred, with their norms (cached per length:
        dynamic stopping asks for the same few lengths on every trial)."""
        if n not in self._cut_templates:
            cut = self.projected_templates[..., :n].reshape(len(self.bands), self.n_targets, -1)
            cut = cut - cut.mean(axis=-1, keepdims=True)
            self._cut_templates[n] = (cut, np.linalg.norm(cut, axis=-1))
        return self._cut_templates[n]

    def decide(self, window: np.ndarray) -> Decision:
        window_s = min(window.shape[1] / self.sampling_rate, self.template_s)
        return decision_from_scores(self.scores(window), window_s)


def _trca_filter(trials: np.ndarray) -> np.ndarray:
    """The spatial filter maximising the covariance between trials relative to their own variance."""
    summed = trials.sum(axis=0)
    self_covariance = np.einsum("ncs,nds->cd", trials, trials)
    between = summed @ summed.T - self_covariance  # Σ_{i≠j} X_i X_jᵀ
    regularised = self_covariance + 1e-9 * np.trace(self_covariance) * np.eye(len(self_covariance))
    _, vectors = linalg.eigh(between, regularised)
    return vectors[:, -1]


@lru_cache(maxsize=64)
def _reference_bases(
    frequencies: tuple[float, ...], sampling_rate: float, harmonics: int, n_samples: int
) -> np.ndarray:
    t = np.arange(n_samples) / sampling_rate
    nyquist = sampling_rate / 2
    bases = []
    for frequency in frequencies:
        columns = []
        for harmonic in range(1, harmonics + 1):
            if harmonic * frequency >= nyquist:
                break
            columns += [
                np.sin(2 * np.pi * harmonic * frequency * t),
                np.cos(2 * np.pi * harmonic * frequency * t),
            ]
        reference = np.array(columns).T
        reference -= reference.mean(axis=0)
        q_reference, _ = np.linalg.qr(reference)
        bases.append(q_reference)
    width = max(basis.shape[1] for basis in bases)
    stacked = np.zeros((len(frequencies), n_samples, width))  # zero columns add nothing to the SVD
    for index, basis in enumerate(bases):
        stacked[index, :, : basis.shape[1]] = basis
    return stacked


def itr_bits_per_minute(n_classes: int, accuracy: float, seconds_per_selection: float) -> float:
    """Wolpaw's information transfer rate."""
    if n_classes < 2 or seconds_per_selection <= 0:
        return 0.0
    p = min(max(accuracy, 0.0), 1.0)
    bits = np.log2(n_classes)
    if 0 < p < 1:
        bits += p * np.log2(p) + (1 - p) * np.log2((1 - p) / (n_classes - 1))
    elif p == 0:
        bits += np.log2(1 / (n_classes - 1))
    if p <= 1 / n_classes:
        return 0.0
    return float(bits * 60.0 / seconds_per_selection)
