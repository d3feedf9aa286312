"""End to end in a real browser: JupyterLab serves a learner copy, the learner types a solution into a
graded cell, runs the notebook, and sees the public test's pass line (and the next exercise's failure).

Run with `make test-e2e` (installs Debian's chromium and Playwright for Python; no browser download).
Screenshots go to e2e/artifacts/.
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from utils.release import release

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NOTEBOOK = "C1_W2_A1_python_basics_with_numpy.ipynb"
WIDGET_NOTEBOOK = "C1_W3_A1_planar_data_classification.ipynb"
# Flags for a closed network and a root user (see the machine notes): no background connections.
# No news pop-up over the page; render every cell (JupyterLab otherwise renders only those in view).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on localhost over a fresh folder holding learner copies and the figures."""
    root = tmp_path_factory.mktemp("lab")
    release(ROOT / "notebooks", root / "assignments")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")  # the solutions, for the widget test
    shutil.copytree(ROOT / "images", root / "images")
    for name, value in LAB_SETTINGS.items():
        path = root / ".settings" / name.replace("/", os.sep, 1)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(root / ".runtime"), JUPYTERLAB_WORKSPACES_DIR=str(root / ".ws"),
               JUPYTERLAB_SETTINGS_DIR=str(root / ".settings"))
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(root / "lab.log", "w")
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail(f"JupyterLab did not start; see {root / 'lab.log'}")
            time.sleep(0.5)
    yield url, token, root
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


@pytest.fixture(scope="module")
def page():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(60_000)
        expect.set_options(timeout=60_000)
        yield page
        browser.close()


def cell_containing(page, text):
    return page.locator(".jp-Notebook .jp-Cell").filter(has_text=text).first


def test_learner_solves_an_exercise_and_sees_the_pass_line(lab, page):
    url, token, root = lab
    page.goto(f"{url}/lab/tree/assignments/{NOTEBOOK}?token={token}")
    graded = cell_containing(page, "# GRADED FUNCTION: hello")
    expect(graded).to_be_visible()
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1)

    # Replace the stub line by a solution, as a learner would: select the line, type over it.
    stub = graded.locator(".cm-line").filter(has_text="raise NotImplementedError")
    stub.click()
    page.keyboard.press("Home")
    page.keyboard.press("Shift+End")
    page.keyboard.insert_text('greeting = f"Hello, {name}!"')
    expect(graded).to_contain_text('greeting = f"Hello, {name}!"')

    page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel").filter(has_text=re.compile(r"^Run All Cells$")).click()

    test_cell = cell_containing(page, "tests.hello_test(hello)")
    expect(test_cell.locator(".jp-OutputArea")).to_contain_text("hello: all 2 tests passed.")
    expect(test_cell.locator(".jp-OutputArea")).to_contain_text("Hello, World!")
    # Run All stops at the first unfinished exercise, whose test explains what is missing.
    failing = cell_containing(page, "tests.basic_sigmoid_test(basic_sigmoid)")
    expect(failing.locator(".jp-OutputArea")).to_contain_text("NotImplementedError: not done yet")
    test_cell.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "c1_w2_a1_pass_line.png"))
    # The broadcasting figure, served from images/, rendered in the markdown.
    figure = page.locator("img[alt^='Broadcasting']")
    figure.scroll_into_view_if_needed()
    expect(figure).to_have_js_property("complete", True)
    assert figure.evaluate("img => img.naturalWidth") > 0


def test_hidden_layer_slider_renders_and_responds(lab, page):
    url, token, _ = lab
    page.goto(f"{url}/lab/tree/notebooks/{WIDGET_NOTEBOOK}?token={token}")
    expect(cell_containing(page, "# GRADED FUNCTION: layer_sizes")).to_be_visible()
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1)
    page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel").filter(has_text=re.compile(r"^Run All Cells$")).click()

    slider = page.locator(".widget-slider").filter(has_text="n_h")
    expect(slider).to_be_visible(timeout=180_000)
    readout = slider.locator(".widget-readout")
    expect(readout).to_have_text("4")
    widget_cell = cell_containing(page, "widgets.interact(show_hidden_layer")
    plot = widget_cell.locator(".jp-OutputArea img")
    expect(plot).to_have_count(1)
    first_plot = plot.get_attribute("src")
    # move the slider with the keyboard: the network for 5 hidden units is trained and drawn
    slider.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    expect(readout).to_have_text("5")
    expect(plot).not_to_have_attribute("src", first_plot, timeout=120_000)
    widget_cell.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "c1_w3_a1_slider.png"))
