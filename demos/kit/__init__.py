"""The demo kit: what every demo may import (shared widgets, translation helpers, the Demo base)."""
