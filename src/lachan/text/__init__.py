"""Text normalisation for Vietnamese messages (issue 2, item 2).

``normalise(text) -> Normalised`` gives the original, a ``clean`` view (for entity
extraction), a ``folded`` view (for features and keyword rules) and obfuscation
``flags``. ``fold(s)`` is lower-casing plus diacritics folding, the key of every lexicon.

Modules: :mod:`~lachan.text.fold` (folding), :mod:`~lachan.text.clean` (the clean view),
:mod:`~lachan.text.confusables` (character tables), :mod:`~lachan.text.defang` (links),
:mod:`~lachan.text.deobfuscate` (spaced letters, digits for letters),
:mod:`~lachan.text.teencode` (the lexicon), :mod:`~lachan.text.normalise`.
"""

from __future__ import annotations

from lachan.text.fold import fold
from lachan.text.normalise import FLAGS, Normalised, normalise

__all__ = ["FLAGS", "Normalised", "fold", "normalise"]
