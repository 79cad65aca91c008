/* The content model's two sums, in C: the hot loop of scoring a batch of messages.
 *
 *   char_sums(texts, table, classes, min_n, max_n, bits, out, counts)
 *   word_sums(contents, metas, index, coef, classes, scales, meta_value, out)
 *
 * They compute exactly what the NumPy code of ``char_ngrams.char_logits`` and
 * ``content_model.ContentModel.logits`` computes (the same windows, hashes, buckets and
 * float32 products, added in the same order in double precision), so a verdict is the
 * same to the last bit with or without this module. The callers own every array: ``out``
 * and ``counts`` are written through the buffer protocol, nothing is allocated here but a
 * text's UTF-8 bytes when it holds a lone surrogate.
 *
 * Python keeps the definitions (the hash, the scales, the model); this file is only
 * their loops. Without a C compiler the package runs the NumPy code.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MULT 0x9E3779B1u /* 2^32 / golden ratio: Fibonacci hashing */
#define BASE 257u
#define MAX_WINDOW 16

static int
get_buffer(PyObject *obj, Py_buffer *view, int writable, Py_ssize_t itemsize,
           Py_ssize_t want_items, const char *what)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0)
        return -1;
    if (view->itemsize != itemsize || (want_items >= 0 && view->len / itemsize < want_items)) {
        PyErr_Format(PyExc_ValueError, "%s: wrong item size or too few items", what);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* UTF-8 bytes of a str, as str.encode("utf-8", "replace") gives them. ``*owner`` is set
 * when a new bytes object had to be made (a lone surrogate); the caller releases it. */
static const char *
utf8_of(PyObject *text, Py_ssize_t *size, PyObject **owner)
{
    *owner = NULL;
    const char *s = PyUnicode_AsUTF8AndSize(text, size);
    if (s != NULL)
        return s;
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
        return NULL;
    PyErr_Clear();
    *owner = PyUnicode_AsEncodedString(text, "utf-8", "replace");
    if (*owner == NULL)
        return NULL;
    *size = PyBytes_GET_SIZE(*owner);
    return PyBytes_AS_STRING(*owner);
}

static PyObject *
char_sums(PyObject *self, PyObject *args)
{
    PyObject *texts, *table_obj, *out_obj, *counts_obj;
    Py_ssize_t k, min_n, max_n, bits;
    if (!PyArg_ParseTuple(args, "O!OnnnnOO", &PyList_Type, &texts, &table_obj, &k, &min_n,
                          &max_n, &bits, &out_obj, &counts_obj))
        return NULL;
    if (k < 1 || min_n < 1 || max_n < min_n || max_n > MAX_WINDOW || bits < 1 || bits > 31) {
        PyErr_SetString(PyExc_ValueError, "char_sums: bad window or table shape");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    Py_ssize_t buckets = ((Py_ssize_t)1 << bits);
    Py_buffer table, out, counts;
    if (get_buffer(table_obj, &table, 0, sizeof(float), buckets * k, "table") < 0)
        return NULL;
    if (get_buffer(out_obj, &out, 1, sizeof(double), n * k, "out") < 0) {
        PyBuffer_Release(&table);
        return NULL;
    }
    if (get_buffer(counts_obj, &counts, 1, sizeof(int64_t), n, "counts") < 0) {
        PyBuffer_Release(&table);
        PyBuffer_Release(&out);
        return NULL;
    }
    const float *w = (const float *)table.buf;
    double *o = (double *)out.buf;
    int64_t *cnt = (int64_t *)counts.buf;
    unsigned shift = (unsigned)(32 - bits);
    PyObject *result = Py_None;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "char_sums: texts must be str");
            result = NULL;
            break;
        }
        Py_ssize_t size;
        PyObject *owner;
        const char *s = utf8_of(text, &size, &owner);
        if (s == NULL) {
            result = NULL;
            break;
        }
        /* the text is read as " " + text + " " */
        Py_ssize_t len = size + 2;
        double *acc = o + i * k;
        for (Py_ssize_t c = 0; c < k; c++)
            acc[c] = 0.0;
        int64_t windows = 0;
        for (Py_ssize_t width = min_n; width <= max_n; width++) {
            for (Py_ssize_t p = 0; p + width <= len; p++) {
                uint32_t h = 0;
                for (Py_ssize_t j = 0; j < width; j++) {
                    Py_ssize_t q = p + j;
                    unsigned char byte = (q == 0 || q == len - 1) ? ' ' : (unsigned char)s[q - 1];
                    h = j == 0 ? byte : h * BASE + byte;
                }
                uint32_t b = ((h ^ (uint32_t)width) * MULT) >> shift;
                const float *row = w + (Py_ssize_t)b * k;
                for (Py_ssize_t c = 0; c < k; c++)
                    acc[c] += (double)row[c];
                windows++;
            }
        }
        cnt[i] = windows;
        Py_XDECREF(owner);
    }
    PyBuffer_Release(&table);
    PyBuffer_Release(&out);
    PyBuffer_Release(&counts);
    if (result == NULL)
        return NULL;
    Py_RETURN_NONE;
}

/* Adds coef[id] * scale for every known feature of ``items`` (in their order) to acc. */
static int
add_rows(PyObject *items, PyObject *index, const float *coef, Py_ssize_t vocab, Py_ssize_t k,
         float scale, double *acc)
{
    if (!PyList_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "word_sums: features must be lists of str");
        return -1;
    }
    Py_ssize_t m = PyList_GET_SIZE(items);
    for (Py_ssize_t j = 0; j < m; j++) {
        PyObject *id_obj = PyDict_GetItemWithError(index, PyList_GET_ITEM(items, j));
        if (id_obj == NULL) {
            if (PyErr_Occurred())
                return -1;
            continue;
        }
        Py_ssize_t id = PyLong_AsSsize_t(id_obj);
        if (id == -1 && PyErr_Occurred())
            return -1;
        if (id < 0 || id >= vocab) {
            PyErr_SetString(PyExc_IndexError, "word_sums: feature index out of range");
            return -1;
        }
        const float *row = coef + id * k;
        for (Py_ssize_t c = 0; c < k; c++)
            acc[c] += (double)(float)(row[c] * scale);
    }
    return 0;
}

static PyObject *
word_sums(PyObject *self, PyObject *args)
{
    PyObject *contents, *metas, *index, *coef_obj, *scales_obj, *out_obj;
    Py_ssize_t k;
    float meta_value;
    if (!PyArg_ParseTuple(args, "O!O!O!OnOfO", &PyList_Type, &contents, &PyList_Type, &metas,
                          &PyDict_Type, &index, &coef_obj, &k, &scales_obj, &meta_value,
                          &out_obj))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(contents);
    if (k < 1 || PyList_GET_SIZE(metas) != n) {
        PyErr_SetString(PyExc_ValueError, "word_sums: bad shapes");
        return NULL;
    }
    Py_buffer coef, scales, out;
    if (get_buffer(coef_obj, &coef, 0, sizeof(float), -1, "coef") < 0)
        return NULL;
    if (get_buffer(scales_obj, &scales, 0, sizeof(float), n, "scales") < 0) {
        PyBuffer_Release(&coef);
        return NULL;
    }
    if (get_buffer(out_obj, &out, 1, sizeof(double), n * k, "out") < 0) {
        PyBuffer_Release(&coef);
        PyBuffer_Release(&scales);
        return NULL;
    }
    Py_ssize_t vocab = coef.len / (Py_ssize_t)sizeof(float) / k;
    const float *w = (const float *)coef.buf;
    const float *sc = (const float *)scales.buf;
    double *o = (double *)out.buf;
    int failed = 0;
    for (Py_ssize_t i = 0; i < n && !failed; i++) {
        double *acc = o + i * k;
        for (Py_ssize_t c = 0; c < k; c++)
            acc[c] = 0.0;
        failed = add_rows(PyList_GET_ITEM(contents, i), index, w, vocab, k, sc[i], acc) < 0
                 || add_rows(PyList_GET_ITEM(metas, i), index, w, vocab, k, meta_value, acc) < 0;
    }
    PyBuffer_Release(&coef);
    PyBuffer_Release(&scales);
    PyBuffer_Release(&out);
    if (failed)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"char_sums", char_sums, METH_VARARGS,
     "char_sums(texts, table, classes, min_n, max_n, bits, out, counts): per text, the sum "
     "of the table rows of its hashed byte windows (float64, into out) and their number "
     "(into counts)."},
    {"word_sums", word_sums, METH_VARARGS,
     "word_sums(contents, metas, index, coef, classes, scales, meta_value, out): per "
     "message, the sum of coef[index[f]] * scale over its known content features (scale "
     "of its row) and finding tokens (meta_value), as float32 products added in float64."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "lachan.detect._scoring",
    "The content model's sums in C (see _scoring.c).", -1, methods,
};

PyMODINIT_FUNC
PyInit__scoring(void)
{
    return PyModule_Create(&module);
}
