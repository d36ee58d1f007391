"""Bad options are refused while parsing: one line naming the option and what it accepts, exit 2.

In-process (``build_parser`` is what ``haydigo-desk`` runs first); one case also runs as a real
process to prove the line is all a person sees.
"""

from __future__ import annotations

import pytest
from support.desk_process import assert_one_clear_line, run_desk_command

from haydigo_desk.__main__ import build_parser


@pytest.mark.parametrize(("args", "words"), [
    (["--log-level", "BOGUS", "db", "current"], ["--log-level", "unknown log level 'BOGUS'",
                                                 "DEBUG, INFO, WARNING, ERROR"]),
    (["sandbox", "--port", "99999"], ["--port", "out of range", "1-65535"]),
    (["sandbox", "--port", "-1"], ["--port", "out of range"]),
    (["sandbox", "--port", "http"], ["--port", "'http' is not a port number"]),
    (["sandbox", "--rate-scale", "nan"], ["--rate-scale", "not a finite number"]),
    (["sandbox", "--rate-scale", "inf"], ["--rate-scale", "not a finite number"]),
    (["sandbox", "--rate-scale", "0"], ["--rate-scale", "greater than 0"]),
    (["sandbox", "--rate-scale", "-2"], ["--rate-scale", "greater than 0"]),
    (["sandbox", "--cancel-rate", "1.5"], ["--cancel-rate", "between 0 and 1"]),
    (["sandbox", "--error-rate", "nan"], ["--error-rate", "not a finite number"]),
    (["sandbox", "--products", "0"], ["--products", "1 or more"]),
    (["sandbox", "--process-delay", "-1"], ["--process-delay", "0 or more"]),
    (["account", "add", "--name", "x", "--client-id", "c", "--store", "s", "--interval", "x"],
     ["--interval", "not a whole number"]),
    (["sync"], ["one of the arguments --once --loop is required"]),
])
def test_a_bad_option_is_one_line_and_exit_2(capsys, args, words):
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert all(word in lines[0] for word in words), lines[0]
    assert "--help" in lines[0]  # where to look for what is accepted


@pytest.mark.parametrize("value", ["1", "65535", "0"])
def test_valid_ports_are_accepted(value):
    assert build_parser().parse_args(["sandbox", "--port", value]).port == int(value)


def test_the_log_level_is_case_insensitive():
    assert build_parser().parse_args(["--log-level", "debug", "db", "current"]).log_level == (
        "DEBUG")


@pytest.mark.slow
def test_the_real_command_prints_only_that_line(tmp_path):
    outcome = run_desk_command(["sandbox", "--rate-scale", "nan"], tmp_path)
    assert_one_clear_line(outcome, "--rate-scale", "not a finite number")
    assert len(outcome.lines) == 1 and outcome.code == 2
