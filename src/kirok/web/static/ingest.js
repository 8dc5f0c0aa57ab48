// Ingest pages: upload progress on /ingest, live progress on /ingest/jobs/{id}.
// Both pages work without this file: the form posts normally and the job page reloads itself.
(function () {
  "use strict";

  var MB = 1024 * 1024;

  function sizeLabel(bytes) {
    return bytes >= MB / 8 ? (bytes / MB).toFixed(1) + " MB" : bytes.toLocaleString("en") + " bytes";
  }

  function setupForm(form) {
    var errorBox = document.getElementById("ingest-error");
    var progressBox = document.getElementById("upload-progress");
    var bar = progressBox.querySelector("progress");
    var note = progressBox.querySelector(".upload-note");
    var button = form.querySelector("button[type=submit]");
    var fileInput = form.querySelector("input[type=file]");

    function refuse(message, field) {
      errorBox.textContent = message;
      errorBox.hidden = false;
      form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
      var culprit = field ? form.querySelector("[name='" + field + "']") : null;
      if (culprit) {
        culprit.setAttribute("aria-invalid", "true");
        culprit.focus();
      }
      progressBox.hidden = true;
      button.disabled = false;
    }

    function tooMuch(files) {
      var maxFile = Number(form.dataset.maxFile);
      var maxRequest = Number(form.dataset.maxRequest);
      var total = 0;
      for (var i = 0; i < files.length; i++) {
        if (files[i].size > maxFile) {
          return files[i].name + " is " + sizeLabel(files[i].size) + ", over the " + sizeLabel(maxFile) +
            " limit for one file; split it or upload it with `kirok ingest`.";
        }
        total += files[i].size;
      }
      if (files.length > Number(form.dataset.maxFiles)) {
        return "That is " + files.length + " files; send at most " + form.dataset.maxFiles + " at a time.";
      }
      if (total > maxRequest) {
        return "The upload is " + sizeLabel(total) + ", over the " + sizeLabel(maxRequest) +
          " limit for one request; send fewer files at a time.";
      }
      return null;
    }

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) {
        return; // the plain form post does the same, without a progress bar
      }
      event.preventDefault();
      var files = Array.prototype.slice.call(fileInput.files || []);
      var problem = tooMuch(files);
      if (problem) {
        refuse(problem, "files");
        return;
      }
      var data = new FormData(form); // in document order: the CSRF token stays the first field
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action + ".json");
      xhr.setRequestHeader("Accept", "application/json");
      xhr.responseType = "json";
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.max = e.total;
          bar.value = e.loaded;
          note.textContent = "Uploading: " + sizeLabel(e.loaded) + " of " + sizeLabel(e.total);
        }
      });
      xhr.upload.addEventListener("load", function () {
        note.textContent = "Uploaded; starting the job…";
      });
      xhr.addEventListener("load", function () {
        var body = xhr.response || {};
        if (xhr.status === 202 && body.status_url) {
          window.location.assign(body.status_url);
          return;
        }
        refuse(body.error || "The upload was refused (HTTP " + xhr.status + "); nothing was stored.", body.field);
      });
      xhr.addEventListener("error", function () {
        refuse("The upload failed: the connection was lost. Nothing was stored; try again.");
      });
      errorBox.hidden = true;
      progressBox.hidden = false;
      bar.removeAttribute("value"); // indeterminate until the first progress event
      note.textContent = "Uploading…";
      button.disabled = true;
      xhr.send(data);
    });
  }

  function setupJob(section) {
    var url = section.dataset.json;
    var labels = JSON.parse(section.dataset.labels || "{}");
    var progress = section.querySelector("[data-field=progress]");
    var finished = { done: true, failed: true };
    if (finished[section.dataset.state]) {
      return;
    }

    function show(name, value) {
      var el = section.querySelector("[data-field=" + name + "]");
      if (el) {
        el.textContent = String(value);
      }
    }

    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(new Error("HTTP " + response.status));
        })
        .then(function (job) {
          if (finished[job.state]) {
            window.location.reload(); // the finished page lists every file and problem
            return;
          }
          show("state_label", labels[job.state] || job.state);
          show("files_done", job.files_done);
          show("files_total", job.files_total);
          show("reports_added", job.reports_added);
          show("events_added", job.events_added);
          show("duplicates", job.duplicates);
          show("problem_count", job.problems.length);
          progress.max = Math.max(job.reports_expected, job.reports_done, 1);
          progress.value = job.reports_done;
          window.setTimeout(poll, 1000);
        })
        .catch(function () {
          window.setTimeout(poll, 3000);
        });
    }

    window.setTimeout(poll, 500);
  }

  var form = document.getElementById("ingest-form");
  if (form) {
    setupForm(form);
  }
  var job = document.getElementById("ingest-job");
  if (job) {
    setupJob(job);
  }
})();
