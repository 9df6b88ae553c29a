"""Swedish payment account numbers: bankgiro and plusgiro, both with a Luhn (mod 10) check digit."""
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def luhn_valid(digits):
    """True when the last digit is the Luhn (mod 10) check digit of the others."""
    if not digits or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _digits(value):
    value = (value or "").strip()
    if not re.fullmatch(r"[\d\s\-]+", value):
        return None
    return re.sub(r"[\s\-]", "", value)


def normalize_bankgiro(value):
    """'5050-1055' / '50501055' -> '5050-1055'. Raises ValidationError."""
    digits = _digits(value)
    if digits is None or len(digits) not in (7, 8):
        raise ValidationError(_("A bankgiro number has 7 or 8 digits, for example 5050-1055."), code="format")
    if not luhn_valid(digits):
        raise ValidationError(_("This bankgiro number is not valid: check the digits."), code="checksum")
    return f"{digits[:-4]}-{digits[-4:]}"


def normalize_plusgiro(value):
    """'28 65 43-4' / '2865434' -> '286543-4'. Raises ValidationError."""
    digits = _digits(value)
    if digits is None or not 2 <= len(digits) <= 8:
        raise ValidationError(_("A plusgiro number has 2 to 8 digits, for example 28 65 43-4."), code="format")
    if not luhn_valid(digits):
        raise ValidationError(_("This plusgiro number is not valid: check the digits."), code="checksum")
    return f"{digits[:-1]}-{digits[-1]}"


def normalize_giro(kind, value):
    return normalize_bankgiro(value) if kind == "bankgiro" else normalize_plusgiro(value)
