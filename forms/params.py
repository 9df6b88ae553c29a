"""Reading ids from query strings: only plain ASCII digits within the database's integer range
count (`"²".isdigit()` is true and `int()` refuses it; a 20-digit number overflows SQLite)."""
MAX_ID = 2**31 - 1  # the smallest primary-key range of our databases (PostgreSQL `integer`)


def positive_int(value, maximum=MAX_ID):
    """`value` as an int from 1 to `maximum`, else None."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > len(str(maximum)):
        return None
    number = int(value)
    return number if 1 <= number <= maximum else None
