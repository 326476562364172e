#!/usr/bin/env python3
"""Asks a window to close the way a window manager does on Alt+F4: a WM_PROTOCOLS client
message carrying WM_DELETE_WINDOW, sent straight to every top-level window whose title
(_NET_WM_NAME) contains the text given. Xvfb runs no window manager, so the end-to-end tests
play its part. Prints how many windows were asked; libX11 through ctypes, nothing to install.

    wm_close.py "sign in"
"""
import ctypes
import sys
from ctypes import POINTER, Structure, Union, byref, c_char_p, c_int, c_long, c_uint, c_ulong, c_void_p

CLIENT_MESSAGE = 33


class XClientMessageEvent(Structure):
    _fields_ = [
        ("type", c_int),
        ("serial", c_ulong),
        ("send_event", c_int),
        ("display", c_void_p),
        ("window", c_ulong),
        ("message_type", c_ulong),
        ("format", c_int),
        ("data", c_long * 5),
    ]


class XEvent(Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", c_long * 24)]


x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = c_void_p
x.XOpenDisplay.argtypes = [c_char_p]
x.XDefaultRootWindow.restype = c_ulong
x.XDefaultRootWindow.argtypes = [c_void_p]
x.XInternAtom.restype = c_ulong
x.XInternAtom.argtypes = [c_void_p, c_char_p, c_int]
x.XQueryTree.argtypes = [c_void_p, c_ulong, POINTER(c_ulong), POINTER(c_ulong),
                         POINTER(POINTER(c_ulong)), POINTER(c_uint)]
x.XGetWindowProperty.argtypes = [c_void_p, c_ulong, c_ulong, c_long, c_long, c_int, c_ulong,
                                 POINTER(c_ulong), POINTER(c_int), POINTER(c_ulong),
                                 POINTER(c_ulong), POINTER(ctypes.POINTER(ctypes.c_ubyte))]
x.XSendEvent.argtypes = [c_void_p, c_ulong, c_int, c_long, POINTER(XEvent)]
x.XSync.argtypes = [c_void_p, c_int]
x.XFree.argtypes = [c_void_p]
x.XCloseDisplay.argtypes = [c_void_p]


def title(display, window, net_wm_name, utf8):
    kind, fmt, count, after = c_ulong(), c_int(), c_ulong(), c_ulong()
    data = ctypes.POINTER(ctypes.c_ubyte)()
    status = x.XGetWindowProperty(display, window, net_wm_name, 0, 1024, 0, utf8,
                                  byref(kind), byref(fmt), byref(count), byref(after), byref(data))
    if status != 0 or not data:
        return ""
    text = ctypes.string_at(data, count.value).decode("utf-8", "replace")
    x.XFree(data)
    return text


def main():
    wanted = sys.argv[1]
    display = x.XOpenDisplay(None)
    if not display:
        sys.exit("no X display (is DISPLAY set?)")
    root = x.XDefaultRootWindow(display)
    net_wm_name = x.XInternAtom(display, b"_NET_WM_NAME", 0)
    utf8 = x.XInternAtom(display, b"UTF8_STRING", 0)
    protocols = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
    delete = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
    parent, root_back = c_ulong(), c_ulong()
    children, count = POINTER(c_ulong)(), c_uint()
    x.XQueryTree(display, root, byref(root_back), byref(parent), byref(children), byref(count))
    asked = 0
    for i in range(count.value):
        window = children[i]
        if wanted not in title(display, window, net_wm_name, utf8):
            continue
        event = XEvent()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = protocols
        event.xclient.format = 32
        event.xclient.data[0] = delete
        event.xclient.data[1] = 0  # CurrentTime
        x.XSendEvent(display, window, 0, 0, byref(event))
        asked += 1
    if children:
        x.XFree(children)
    x.XSync(display, 0)
    x.XCloseDisplay(display)
    print(asked)


main()
