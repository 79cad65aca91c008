/* The content model's word tokens, in C: one pass over the folded text.
 *
 *   tokens_and_bigrams(folded, shapes) -> (tokens, bigrams)
 *
 * The same lists as ``features.tokenize`` and the bigrams ``content_features`` joins from
 * them: tokens are the maximal runs of [a-z0-9] (every other character separates them), a
 * run of digits only becomes its shape ``shapes[min(len, 12)]`` (the very string objects
 * of ``features._DIGIT_SHAPES``), and each bigram is two neighbouring tokens joined by one
 * space. Python keeps the definition; without a C compiler the package runs it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define LONGEST_SHAPE 12

static int
is_token_char(Py_UCS4 c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* a + " " + b for two strings of one-byte kind (ASCII tokens, or "§d5" shapes) */
static PyObject *
join_pair(PyObject *a, PyObject *b)
{
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    Py_UCS4 max_a = PyUnicode_MAX_CHAR_VALUE(a), max_b = PyUnicode_MAX_CHAR_VALUE(b);
    PyObject *out = PyUnicode_New(la + 1 + lb, max_a > max_b ? max_a : max_b);
    if (out == NULL)
        return NULL;
    Py_UCS1 *d = PyUnicode_1BYTE_DATA(out);
    memcpy(d, PyUnicode_1BYTE_DATA(a), (size_t)la);
    d[la] = ' ';
    memcpy(d + la + 1, PyUnicode_1BYTE_DATA(b), (size_t)lb);
    return out;
}

static PyObject *
tokens_and_bigrams(PyObject *self, PyObject *args)
{
    PyObject *text, *shapes;
    if (!PyArg_ParseTuple(args, "UO!", &text, &PyTuple_Type, &shapes))
        return NULL;
    if (PyTuple_GET_SIZE(shapes) != LONGEST_SHAPE + 1) {
        PyErr_SetString(PyExc_ValueError, "tokens_and_bigrams: shapes must hold 13 strings");
        return NULL;
    }
    for (Py_ssize_t i = 0; i <= LONGEST_SHAPE; i++) {
        PyObject *s = PyTuple_GET_ITEM(shapes, i);
        if (!PyUnicode_Check(s) || PyUnicode_KIND(s) != PyUnicode_1BYTE_KIND) {
            PyErr_SetString(PyExc_TypeError, "tokens_and_bigrams: shapes must be Latin-1 str");
            return NULL;
        }
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *tokens = PyList_New(0);
    if (tokens == NULL)
        return NULL;
    char stack[256];
    char *buf = stack;
    Py_ssize_t cap = sizeof(stack);
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!is_token_char(c)) {
            i++;
            continue;
        }
        Py_ssize_t len = 0;
        int digits = 1;
        while (i < n && is_token_char(c = PyUnicode_READ(kind, data, i))) {
            if (len == cap) {
                Py_ssize_t bigger = cap * 2;
                char *grown = buf == stack ? PyMem_Malloc((size_t)bigger)
                                           : PyMem_Realloc(buf, (size_t)bigger);
                if (grown == NULL) {
                    if (buf != stack)
                        PyMem_Free(buf);
                    Py_DECREF(tokens);
                    return PyErr_NoMemory();
                }
                if (buf == stack)
                    memcpy(grown, stack, sizeof(stack));
                buf = grown;
                cap = bigger;
            }
            buf[len++] = (char)c;
            digits &= c <= '9';
            i++;
        }
        PyObject *tok;
        if (digits) {
            tok = PyTuple_GET_ITEM(shapes, len < LONGEST_SHAPE ? len : LONGEST_SHAPE);
            Py_INCREF(tok);
        } else {
            tok = PyUnicode_FromStringAndSize(buf, len);
        }
        if (tok == NULL || PyList_Append(tokens, tok) < 0) {
            Py_XDECREF(tok);
            if (buf != stack)
                PyMem_Free(buf);
            Py_DECREF(tokens);
            return NULL;
        }
        Py_DECREF(tok);
    }
    if (buf != stack)
        PyMem_Free(buf);
    Py_ssize_t m = PyList_GET_SIZE(tokens);
    PyObject *bigrams = PyList_New(m > 1 ? m - 1 : 0);
    if (bigrams == NULL) {
        Py_DECREF(tokens);
        return NULL;
    }
    for (Py_ssize_t j = 0; j + 1 < m; j++) {
        PyObject *pair = join_pair(PyList_GET_ITEM(tokens, j), PyList_GET_ITEM(tokens, j + 1));
        if (pair == NULL) {
            Py_DECREF(tokens);
            Py_DECREF(bigrams);
            return NULL;
        }
        PyList_SET_ITEM(bigrams, j, pair);
    }
    return Py_BuildValue("(NN)", tokens, bigrams);
}

static PyMethodDef methods[] = {
    {"tokens_and_bigrams", tokens_and_bigrams, METH_VARARGS,
     "tokens_and_bigrams(folded, shapes) -> (tokens, bigrams): the runs of [a-z0-9] of "
     "the text, digit runs as shapes[min(len, 12)], and neighbouring pairs joined by a "
     "space."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "lachan.detect._tokens",
    "The content model's word tokens in C (see _tokens.c).", -1, methods,
};

PyMODINIT_FUNC
PyInit__tokens(void)
{
    return PyModule_Create(&module);
}
