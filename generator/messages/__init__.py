"""Every Vietnamese message a user reads, by area: a module imports the area it speaks for
(``from ..messages import records as msg``); ``common`` holds the words areas share. A vocabulary
the code writes or matches (story sections, sheet columns, Word styles, Decap's phrases) lives
beside the code that uses it instead."""
