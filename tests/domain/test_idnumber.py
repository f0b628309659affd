"""Resident ID numbers: validation, privacy of the value type, masking and lookup hashes."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.address_codes import DEMO_ADDRESS_CODE, demo_address_codes, gb2260
from kiosk.domain.idnumber import (
    PROVINCE_CODES,
    IdNumber,
    IdNumberError,
    IdProblem,
    IdWhy,
    check_character,
    id_lookup_hash,
    make_id_number,
    mask_id_number,
    new_id_number,
    parse_id_number,
    partial_problem,
)

TODAY = date(2025, 6, 1)
# The worked examples printed in GB 11643-1999 itself.
STANDARD_EXAMPLES = ["11010519491231002X", "440524188001010014"]
VALID_CHARS = "0123456789X"

region_codes = st.sampled_from(sorted(gb2260()))
birth_dates = st.dates(min_value=date(1880, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)
valid_numbers = st.builds(make_id_number, region_codes, birth_dates, sequences)


def reference_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 the way the ISO text puts it: weights 2^(i-1) mod 11 from the right."""
    total = 0
    for i, digit in enumerate(reversed(first17), start=2):
        total += int(digit) * pow(2, i - 1, 11)
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def texts_of(error: IdNumberError) -> list[str]:
    return [str(error), repr(error), *dict(error.reason.values).values(), *map(str, error.args)]


def assert_quotes_no_digits(error: IdNumberError) -> None:
    """No message carries more than a two-digit count or position."""
    for text in texts_of(error):
        assert re.search(r"[0-9]{3,}", text) is None, text
    assert error.__cause__ is None
    assert error.__context__ is None


@pytest.mark.parametrize("number", STANDARD_EXAMPLES)
def test_standard_examples_parse(number: str) -> None:
    """The examples in the standard are valid and read back as written."""
    assert parse_id_number(number, today=TODAY).reveal() == number


def test_properties() -> None:
    """Region, birth date and sex come out of the right positions."""
    example = parse_id_number("11010519491231002X", today=TODAY)
    assert example.region_code == "110105"
    assert example.birth_date == date(1949, 12, 31)
    assert example.sex == "female"
    assert parse_id_number("440524188001010014", today=TODAY).sex == "male"


def test_typing_variants_are_accepted() -> None:
    """Lower-case x, full-width characters and spaces are how people type; all are fine."""
    expected = "11010519491231002X"
    for raw in [
        "11010519491231002x",
        "１１０１０５１９４９１２３１００２Ｘ",
        " 110105 19491231 002X ",
        "110105\u300019491231002ｘ",
    ]:
        assert parse_id_number(raw, today=TODAY).reveal() == expected


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", IdProblem.EMPTY),
        ("   ", IdProblem.EMPTY),
        ("11010519491231002", IdProblem.LENGTH),
        ("11010519491231002X1", IdProblem.LENGTH),
        ("1101051949123100AX", IdProblem.CHARACTERS),
        ("1101051949123100X2", IdProblem.CHARACTERS),
        ("11010519491231002Y", IdProblem.CHARACTERS),
        ("00010519491231002X", IdProblem.REGION),
        ("99010519491231002X", IdProblem.REGION),
        ("11010519490231002X", IdProblem.BIRTH_DATE),
        ("11010518790101002X", IdProblem.BIRTH_DATE),
        ("11010530000101002X", IdProblem.BIRTH_DATE),
        ("110105194912310021", IdProblem.CHECK_DIGIT),
    ],
)
def test_each_problem_is_named(raw: str, problem: IdProblem) -> None:
    """Each kind of mistake raises IdNumberError with its own problem."""
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(raw, today=TODAY)
    assert caught.value.problem is problem
    assert_quotes_no_digits(caught.value)


def test_checks_run_in_order() -> None:
    """A number wrong in several ways reports the first check that fails."""
    # Bad region, bad date and bad check digit at once: the region is reported.
    with pytest.raises(IdNumberError) as caught:
        parse_id_number("990105194902310021", today=TODAY)
    assert caught.value.problem is IdProblem.REGION
    # Letters and wrong length: the length is reported.
    with pytest.raises(IdNumberError) as caught:
        parse_id_number("abc", today=TODAY)
    assert caught.value.problem is IdProblem.LENGTH


def test_length_message_counts_what_was_typed() -> None:
    """The length refusal carries how many characters were typed (for its words)."""
    with pytest.raises(IdNumberError) as caught:
        parse_id_number("11010519491231002", today=TODAY)
    assert caught.value.code is IdWhy.LENGTH
    assert caught.value.reason.value("count") == "17"


def test_check_digit_message() -> None:
    """A wrong check digit is told apart from every other problem."""
    with pytest.raises(IdNumberError) as caught:
        parse_id_number("110105194912310021", today=TODAY)
    assert caught.value.code is IdWhy.CHECK_DIGIT
    assert caught.value.problem is IdProblem.CHECK_DIGIT


@pytest.mark.parametrize(
    "code",
    [
        "522799",  # a made-up county in Qiannan
        "522900",  # a made-up prefecture of Guizhou
        "529999",  # the demo's unissued code, on a real terminal
        "110199",  # a made-up district of Beijing
        "710001",  # Taiwan has one code only
    ],
)
def test_made_up_address_codes_are_refused(code: str) -> None:
    """The whole 6-digit address code is checked, not just the province."""
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(make_id_number(code, date(1962, 5, 8), 131), today=TODAY)
    assert caught.value.problem is IdProblem.REGION
    assert_quotes_no_digits(caught.value)


@pytest.mark.parametrize(
    "code",
    [
        "522730",  # Longli county, current
        "110103",  # Chongwen district of Beijing, withdrawn in 2010
        "522601",  # Kaili city, current
        "810000",  # Hong Kong
    ],
)
def test_current_and_withdrawn_codes_are_accepted(code: str) -> None:
    """People keep the code their number was first issued with, withdrawn or not."""
    number = make_id_number(code, date(1962, 5, 8), 131)
    assert parse_id_number(number, today=TODAY).region_code == code


def test_the_demo_code_needs_the_demo_table() -> None:
    """529999 parses only with the demo table, which also knows every real code."""
    story = make_id_number(DEMO_ADDRESS_CODE, date(1962, 5, 8), 131)
    assert parse_id_number(story, today=TODAY, addresses=demo_address_codes()).reveal() == story
    assert DEMO_ADDRESS_CODE not in gb2260()
    assert gb2260().codes < demo_address_codes().codes
    assert demo_address_codes().codes - gb2260().codes == {DEMO_ADDRESS_CODE}


def test_the_table_provinces_are_the_province_codes() -> None:
    """The form check's province list and the address table agree."""
    assert gb2260().provinces() == PROVINCE_CODES


@pytest.mark.parametrize(
    "look_alike",
    [
        "1101051949123100②X",  # circled digit
        "11010519491231002ₓ",  # subscript x
        "⁴40524188001010014",  # superscript digit
        "4405241880010100𝟏4",  # mathematical bold digit
        "44052418800101001٤",  # Arabic-Indic digit
    ],
)
def test_only_full_width_forms_are_folded(look_alike: str) -> None:
    """Look-alike digits are not read as digits: only full-width ones are."""
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(look_alike, today=TODAY)
    assert caught.value.problem is IdProblem.CHARACTERS


def test_born_today_is_fine_born_tomorrow_is_not() -> None:
    """The birth date may be today but not after it."""
    number = make_id_number("522701", TODAY, 1)
    assert parse_id_number(number, today=TODAY).birth_date == TODAY
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(number, today=date(2025, 5, 31))
    assert caught.value.problem is IdProblem.BIRTH_DATE


def test_default_today_is_real_today() -> None:
    """Without an explicit today, a number born in the year 2999 is refused."""
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(make_id_number("522701", date(2999, 1, 1), 1))
    assert caught.value.problem is IdProblem.BIRTH_DATE


def test_id_number_error_is_value_error() -> None:
    """Callers that only know ValueError still catch ID problems."""
    with pytest.raises(ValueError):
        parse_id_number("123")


def test_non_str_is_a_type_error() -> None:
    """An int where text is expected is a programming error."""
    with pytest.raises(TypeError):
        parse_id_number(110105194912310021)  # type: ignore[arg-type]


def test_repr_and_str_are_masked() -> None:
    """An IdNumber in a log line, f-string or list shows only its masked form."""
    number = parse_id_number("11010519491231002X", today=TODAY)
    assert str(number) == repr(number) == number.masked == "1101**********002X"
    assert f"{number}" == "1101**********002X"
    assert "11010519491231002X" not in repr([number])
    assert "11010519491231002X" not in f"{number!r} {number!s}"


def test_reveal_is_explicit() -> None:
    """reveal() is the one way to the full, normalised number."""
    assert parse_id_number("11010519491231002x", today=TODAY).reveal() == "11010519491231002X"


def test_hand_built_invalid_id_number_is_refused() -> None:
    """An IdNumber cannot be built around a value that would not parse."""
    with pytest.raises(IdNumberError):
        IdNumber("110105194912310021")
    assert IdNumber("11010519491231002X") == parse_id_number("11010519491231002X", today=TODAY)


def test_mask_str_and_value() -> None:
    """Masking keeps 4 + 4 characters for a str or an IdNumber."""
    assert mask_id_number("522701199001010013") == "5227**********0013"
    assert mask_id_number(" 52270119900101001x ") == "5227**********001X"
    assert mask_id_number(parse_id_number("11010519491231002X", today=TODAY)) == (
        "1101**********002X"
    )


def test_mask_wrong_length_raises_without_digits() -> None:
    """Masking something that is not 18 characters long fails without quoting it."""
    with pytest.raises(IdNumberError) as caught:
        mask_id_number("52270119900101001")
    assert caught.value.problem is IdProblem.LENGTH
    assert_quotes_no_digits(caught.value)
    with pytest.raises(IdNumberError) as caught:
        mask_id_number("")
    assert caught.value.problem is IdProblem.EMPTY


def test_lookup_hash_is_keyed_hmac() -> None:
    """The lookup hash is HMAC-SHA256 under the key, not a plain hash of the number."""
    number = parse_id_number("11010519491231002x", today=TODAY)
    key = b"deployment secret for tests only"
    digest = id_lookup_hash(number, key)
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert digest == hmac.new(key, b"11010519491231002X", "sha256").hexdigest()
    assert digest != hashlib.sha256(b"11010519491231002X").hexdigest()
    assert digest != id_lookup_hash(number, b"another key")
    assert digest == id_lookup_hash(parse_id_number("11010519491231002X", today=TODAY), key)


def test_lookup_hash_refuses_empty_key() -> None:
    """An empty key would make the hash reversible, so it is refused."""
    with pytest.raises(ValueError):
        id_lookup_hash(parse_id_number("11010519491231002X", today=TODAY), b"")


def test_make_id_number_sex_follows_sequence_parity() -> None:
    """Odd sequence numbers make men, even ones women."""
    born = date(1990, 1, 1)
    assert parse_id_number(make_id_number("522701", born, 1), today=TODAY).sex == "male"
    assert parse_id_number(make_id_number("522701", born, 2), today=TODAY).sex == "female"
    assert make_id_number("110105", date(1949, 12, 31), 2) == "11010519491231002X"


@pytest.mark.parametrize(
    ("region", "born", "sequence"),
    [
        ("52270", date(1990, 1, 1), 1),
        ("52270a", date(1990, 1, 1), 1),
        ("992701", date(1990, 1, 1), 1),
        ("522701", date(1879, 12, 31), 1),
        ("522701", date(1990, 1, 1), 1000),
        ("522701", date(1990, 1, 1), -1),
    ],
)
def test_make_id_number_refuses_bad_parts(region: str, born: date, sequence: int) -> None:
    """make_id_number only builds numbers that can be valid."""
    with pytest.raises(ValueError):
        make_id_number(region, born, sequence)


def test_check_character_refuses_bad_input() -> None:
    """check_character needs exactly 17 ASCII digits."""
    for bad in ["1101051949123100", "1101051949123100X", "１１０１０５１９４９１２３１００２"]:
        with pytest.raises(ValueError):
            check_character(bad)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("0", IdProblem.REGION),
        ("9", IdProblem.REGION),
        ("19", IdProblem.REGION),
        ("5227a", IdProblem.CHARACTERS),
        ("5227X", IdProblem.CHARACTERS),
        ("5227010", IdProblem.BIRTH_DATE),
        ("52270117", IdProblem.BIRTH_DATE),
        ("522701187", IdProblem.BIRTH_DATE),
        ("5227012099", IdProblem.BIRTH_DATE),
        ("52270119902", IdProblem.BIRTH_DATE),
        ("522701199013", IdProblem.BIRTH_DATE),
        ("5227011990023", IdProblem.BIRTH_DATE),
        ("52270119900229", IdProblem.BIRTH_DATE),
        ("110105194912310021", IdProblem.CHECK_DIGIT),
        ("11010519491231002X0", IdProblem.LENGTH),
    ],
)
def test_partial_problem_reports_what_is_certainly_wrong(typed: str, problem: IdProblem) -> None:
    """The keypad check flags a mistake as soon as no further typing could fix it."""
    error = partial_problem(typed, today=TODAY)
    assert error is not None
    assert error.problem is problem
    assert_quotes_no_digits(error)


@pytest.mark.parametrize(
    "typed",
    ["", "1", "5", "52", "5227", "522701", "5227011", "52270120000229", "52270120250601"],
)
def test_partial_problem_stays_quiet_while_still_possible(typed: str) -> None:
    """While a correct number could still be typed, nothing is reported."""
    assert partial_problem(typed, today=TODAY) is None


@pytest.mark.parametrize("typed", ["529", "5228", "52276", "522799", "1199"])
def test_partial_problem_flags_digits_that_begin_no_address_code(typed: str) -> None:
    """From the third digit on, digits no GB/T 2260 code begins with are flagged at once."""
    error = partial_problem(typed, today=TODAY)
    assert error is not None
    assert error.problem is IdProblem.REGION
    assert error.code is IdWhy.AREA


def test_partial_problem_asks_the_table_it_is_given() -> None:
    """The demo table lets the story code be typed; the default table does not."""
    for length in range(3, 7):
        typed = DEMO_ADDRESS_CODE[:length]
        assert partial_problem(typed, today=TODAY, addresses=demo_address_codes()) is None
        assert partial_problem(typed, today=TODAY) is not None


@given(valid_numbers)
def test_every_made_number_parses(number: str) -> None:
    """make_id_number always builds a number that parses back unchanged."""
    assert parse_id_number(number, today=TODAY).reveal() == number


@given(valid_numbers, st.integers(0, 17), st.sampled_from(VALID_CHARS))
def test_every_single_substitution_is_detected(number: str, position: int, char: str) -> None:
    """Changing any one character to another valid one makes the number fail to parse."""
    if position < 17 and char == "X":
        char = "7"
    if number[position] == char:
        char = "0" if char != "0" else "1"
    changed = number[:position] + char + number[position + 1 :]
    # MOD 11-2 on its own catches it, whatever the other checks say.
    assert check_character(changed[:17]) != changed[17]
    with pytest.raises(IdNumberError):
        parse_id_number(changed, today=TODAY)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_character_agrees_with_reference(first17: str) -> None:
    """check_character matches an independent computation of ISO 7064 MOD 11-2."""
    assert check_character(first17) == reference_check(first17)


@st.composite
def broken_numbers(draw: st.DrawFn) -> str:
    """A valid number spoilt in one of the ways residents and old data spoil them."""
    number = draw(valid_numbers)
    position = draw(st.integers(0, 17))
    how = draw(st.sampled_from(["swap", "drop", "add", "letter", "province", "date", "future"]))
    if how == "swap":
        new = draw(st.sampled_from([c for c in VALID_CHARS if c != number[position]]))
        return number[:position] + new + number[position + 1 :]
    if how == "drop":
        return number[:position] + number[position + 1 :]
    if how == "add":
        return number[:position] + draw(st.sampled_from(VALID_CHARS)) + number[position:]
    if how == "letter":
        return number[:position] + draw(st.sampled_from("abYZ-/")) + number[position + 1 :]
    if how == "province":
        return "00" + number[2:]
    if how == "date":
        body = number[:10] + "0230" + number[14:17]
        return body + check_character(body)
    body = number[:6] + "2999" + number[10:17]
    return body + check_character(body)


@given(broken_numbers())
def test_errors_never_quote_the_number(raw: str) -> None:
    """No error text or attribute carries any run of the resident's digits."""
    try:
        parse_id_number(raw, today=TODAY)
    except IdNumberError as error:
        assert_quotes_no_digits(error)
        body = raw[:17]
        assert all(body not in text for text in texts_of(error))
    partial = partial_problem(raw[:10], today=TODAY)
    if partial is not None:
        assert_quotes_no_digits(partial)


@given(valid_numbers)
def test_repr_never_contains_the_number(number: str) -> None:
    """repr() and str() of any IdNumber hide the middle ten characters."""
    value = parse_id_number(number, today=TODAY)
    for shown in (repr(value), str(value), f"{value}", repr([value]), value.masked):
        assert number not in shown
        assert number[4:14] not in shown
    assert value.masked == number[:4] + "*" * 10 + number[-4:]


@given(valid_numbers)
def test_every_prefix_of_a_valid_number_is_quiet(number: str) -> None:
    """Typing a valid number key by key never triggers a warning."""
    for length in range(19):
        assert partial_problem(number[:length], today=TODAY) is None


@given(valid_numbers)
def test_new_id_number_equals_the_parsed_number(number: str) -> None:
    """The unchecked fast path builds exactly what parsing the same number gives."""
    parsed = parse_id_number(number, today=TODAY)
    built = new_id_number(parsed.region_code, parsed.birth_date, int(number[14:17]))
    assert built == parsed and built.reveal() == number


@given(
    st.text(alphabet="0123456789", min_size=5, max_size=8).map(lambda d: "19" + d[2:]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)
def test_birth_digits_check_agrees_with_every_date_spelt_out(digits: str, today: date) -> None:
    """While typing the birth date, the check flags exactly the digits no possible date has."""
    year = int(digits[:4])
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    possible = [
        f"{born:%Y%m%d}" for born in map(date.fromordinal, range(first, last + 1)) if born <= today
    ]
    expected = any(text.startswith(digits) for text in possible)
    error = partial_problem("522730" + digits, today=today)
    assert (error is None) is expected
