"""The motor-imagery decoder's pieces without Qt: chance levels, montage roles, artifacts, decisions."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from demos.mi_cursor.processing import (
    ARTIFACT_UV,
    PIPELINES,
    MotorImageryDecoder,
    causal_band_pass,
    chance_level,
    is_artifact,
    role_for_electrode,
    sensorimotor_channels,
)
from drivers.roles import Role


@pytest.mark.parametrize("n_trials", [10, 20, 30, 40, 100])
def test_the_chance_level_is_the_first_accuracy_guessing_rarely_reaches(n_trials):
    level = chance_level(n_trials)
    right = round(level * n_trials)
    assert stats.binom.sf(right - 1, n_trials, 0.5) < 0.05 <= stats.binom.sf(right - 2, n_trials, 0.5)
    assert chance_level(20) == 0.75 and chance_level(30) == pytest.approx(20 / 30)


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("C3", Role.SENSORIMOTOR_LEFT),
        ("Cp5.", Role.SENSORIMOTOR_LEFT),
        ("fc1", Role.SENSORIMOTOR_LEFT),
        ("C4..", Role.SENSORIMOTOR_RIGHT),
        ("CP6", Role.SENSORIMOTOR_RIGHT),
        ("Cz", Role.CENTRAL),
        ("FCz", Role.CENTRAL),
        ("O1", None),
        ("C7", None),
        ("T7", None),
        ("", None),
    ],
)
def test_electrode_names_map_to_sensorimotor_roles(name, role):
    assert role_for_electrode(name) is role


def test_sensorimotor_channels_are_chosen_by_role():
    roles = [Role.FRONTAL, Role.SENSORIMOTOR_LEFT, Role.CENTRAL, Role.SENSORIMOTOR_RIGHT, Role.OCCIPITAL]
    assert sensorimotor_channels(roles) == [1, 2, 3]


def test_an_artifact_is_a_band_passed_value_beyond_the_limit():
    window = np.zeros((2, 100))
    assert not is_artifact(window) and not is_artifact(np.zeros((2, 0)))
    window[1, 50] = -(ARTIFACT_UV + 1)
    assert is_artifact(window)


@pytest.mark.parametrize("pipeline", list(PIPELINES))
def test_each_pipeline_learns_a_variance_difference_and_gives_probabilities(pipeline):
    rng = np.random.default_rng(1)
    trials = rng.standard_normal((24, 3, 500)) * 10
    trials[1::2, 0] *= 2.0  # "right" trials: more power on channel 0
    epochs = np.array([causal_band_pass(trial, 250.0) for trial in trials])
    decoder = MotorImageryDecoder(pipeline)
    validation = decoder.fit(epochs, ["left", "right"] * 12)
    assert validation.above_chance and validation.n_trials == 24
    right, left = decoder.probability_right(epochs[1]), decoder.probability_right(epochs[0])
    assert 0.0 <= left < 0.5 < right <= 1.0


def test_an_unknown_pipeline_or_an_untrained_decoder_says_so():
    with pytest.raises(ValueError, match="unknown pipeline 'svm'"):
        MotorImageryDecoder("svm")
    with pytest.raises(RuntimeError, match="not trained"):
        MotorImageryDecoder().probability_right(np.zeros((3, 500)))
