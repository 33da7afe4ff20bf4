// Quire admin: progressive enhancement of the editor. Every form works without this script; it adds the live
// preview, autosave, image upload (button, drop, paste), tag and author completion, shortcuts and a warning
// before leaving with changes the server does not have yet. No framework and no build step.
(function () {
  'use strict';

  var form = document.getElementById('editor');
  if (!form) {
    return;
  }
  var csrf = form.dataset.csrf;
  var body = document.getElementById('body');
  var title = document.getElementById('title');
  var version = document.getElementById('version');
  var preview = document.getElementById('preview');
  var state = document.getElementById('save-state');
  var readOnly = body.readOnly;
  var postId = form.dataset.postId;
  var PREVIEW_DELAY = 500;
  var AUTOSAVE_DELAY = 2000;
  // Changes the server does not have yet (neither saved nor autosaved): leaving would lose them.
  var unkept = false;
  var submitting = false;
  var previewTimer = null;
  var autosaveTimer = null;
  var autosaving = null;

  function say(text) {
    state.textContent = text;
  }

  function clock() {
    var now = new Date();
    return String(now.getHours()).padStart(2, '0') + ':' + String(now.getMinutes()).padStart(2, '0') + ':'
      + String(now.getSeconds()).padStart(2, '0');
  }

  function list(text) {
    return text.split(',').map(function (s) { return s.trim(); }).filter(function (s) { return s.length > 0; });
  }

  function fields() {
    var extra = {};
    return {
      title: title.value,
      slug: form.elements.slug.value || null,
      date: form.elements.date.value || null,
      category: form.elements.category.value || null,
      tags: list(form.elements.tags.value),
      authors: list(form.elements.authors.value),
      description: form.elements.description.value || null,
      extra: extra,
      body: body.value
    };
  }

  /** The whole Markdown file the form makes, for the API: other front matter goes in as written. */
  function edit() {
    var f = fields();
    var frontMatter = form.elements.frontMatter.value;
    if (frontMatter.trim() === '') {
      return { fields: f };
    }
    return { source: markdown(f, frontMatter) };
  }

  function yamlString(value) {
    return JSON.stringify(value);
  }

  function markdown(f, frontMatter) {
    var lines = ['---', 'title: ' + yamlString(f.title.trim())];
    if (f.slug) { lines.push('slug: ' + yamlString(f.slug.trim())); }
    if (f.date) { lines.push('date: ' + yamlString(f.date.trim())); }
    if (f.category) { lines.push('category: ' + yamlString(f.category.trim())); }
    if (f.tags.length) { lines.push('tags: [' + f.tags.map(yamlString).join(', ') + ']'); }
    if (f.authors.length) { lines.push('authors: [' + f.authors.map(yamlString).join(', ') + ']'); }
    if (f.description) { lines.push('description: ' + yamlString(f.description.trim())); }
    lines.push(frontMatter.replace(/\s+$/, ''));
    lines.push('---');
    return lines.join('\n') + '\n' + f.body;
  }

  function api(method, url, payload) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf },
      body: payload === undefined ? undefined : JSON.stringify(payload)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var error = new Error(json.error || ('The server answered ' + response.status));
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  // ---- live preview, through the same engine and plugins as the site

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function previewDocument(inner) {
    return '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Preview</title>'
      + '<link rel="stylesheet" href="/static/theme.css"><base target="_blank"></head><body>' + inner
      + '</body></html>';
  }

  function refreshPreview() {
    clearTimeout(previewTimer);
    if (title.value.trim() === '') {
      preview.srcdoc = previewDocument('<main><p class="meta">Give the post a title to see its preview.</p></main>');
      return;
    }
    api('POST', '/api/admin/posts/preview', edit()).then(function (rendered) {
      preview.srcdoc = previewDocument('<main><article class="post"><h1>' + escapeHtml(title.value) + '</h1>\n'
        + '<div class="post-body">\n' + rendered.html + '\n</div></article></main>');
    }, function (error) {
      preview.srcdoc = previewDocument('<main><p class="meta">' + escapeHtml(error.message) + '</p></main>');
    });
  }

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, PREVIEW_DELAY);
  }

  // ---- autosave: a new post becomes a draft as soon as it has a title; after that, every pause keeps the text

  function becomePost(detail) {
    postId = String(detail.id);
    form.dataset.postId = postId;
    form.action = '/admin/posts/' + postId;
    version.value = detail.version;
    document.getElementById('post-status').textContent = 'draft';
    history.replaceState(null, '', '/admin/posts/' + postId + '/edit');
  }

  function autosave() {
    clearTimeout(autosaveTimer);
    if (!unkept || readOnly) {
      return;
    }
    if (autosaving) {
      autosaveTimer = setTimeout(autosave, AUTOSAVE_DELAY);
      return;
    }
    if (title.value.trim() === '') {
      say('Not kept yet: give the post a title.');
      return;
    }
    unkept = false;
    say('Keeping your changes…');
    var request = postId
      ? api('PUT', '/api/admin/posts/' + postId + '/autosave', Object.assign(edit(), { version: Number(version.value) }))
      : api('POST', '/api/admin/posts', edit()).then(becomePost);
    autosaving = request.then(function () {
      say((postId ? 'Changes kept at ' : 'Draft created at ') + clock() + '; Save makes a revision.');
    }, function (error) {
      unkept = true;
      say('Not kept: ' + error.message);
    }).then(function () {
      autosaving = null;
    });
  }

  function changed() {
    unkept = true;
    say('Changed');
    schedulePreview();
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(autosave, AUTOSAVE_DELAY);
  }

  form.addEventListener('input', function (event) {
    if (event.target.name === 'publishAt' || event.target.type === 'file') {
      return;
    }
    changed();
  });

  form.addEventListener('submit', function (event) {
    if (!postId && autosaving) {
      // The draft is being created right now: save into it rather than create a second one.
      event.preventDefault();
      var button = event.submitter;
      autosaving.then(function () { form.requestSubmit(button); });
      return;
    }
    clearTimeout(autosaveTimer);
    submitting = true;
  });

  window.addEventListener('beforeunload', function (event) {
    if ((unkept || autosaving) && !submitting) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // ---- uploads: the button, a file dropped on the text, or an image pasted into it

  function insertAtCursor(text) {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var before = body.value.slice(0, start);
    var padding = before.length === 0 || before.endsWith('\n') ? '' : '\n';
    body.setRangeText(padding + text + '\n', start, end, 'end');
    body.focus();
    changed();
  }

  function altText(file) {
    var name = file.name || 'image';
    return /^image\.\w+$/.test(name) ? '' : name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
  }

  function upload(file) {
    if (form.dataset.mayUpload !== 'true') {
      say('Your role may not upload images.');
      return;
    }
    var data = new FormData();
    data.append('file', file, file.name || 'pasted.png');
    data.append('alt', altText(file));
    say('Uploading ' + (file.name || 'the image') + '…');
    fetch('/api/admin/media', {
      method: 'POST', credentials: 'same-origin', body: data,
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          throw new Error(json.error || ('The server answered ' + response.status));
        }
        return json;
      });
    }).then(function (uploaded) {
      insertAtCursor(uploaded.markdown);
      say('Uploaded ' + uploaded.url);
      refreshPreview();
    }, function (error) {
      say('Not uploaded: ' + error.message);
    });
  }

  var picker = document.getElementById('upload-image');
  if (picker) {
    picker.addEventListener('change', function () {
      Array.prototype.forEach.call(picker.files, upload);
      picker.value = '';
    });
  }

  function imagesIn(transfer) {
    return Array.prototype.filter.call(transfer ? transfer.files : [], function (file) {
      return file.type.indexOf('image/') === 0;
    });
  }

  if (!readOnly) {
    body.addEventListener('dragover', function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
        event.preventDefault();
        body.classList.add('dropping');
      }
    });
    body.addEventListener('dragleave', function () {
      body.classList.remove('dropping');
    });
    body.addEventListener('drop', function (event) {
      body.classList.remove('dropping');
      var images = imagesIn(event.dataTransfer);
      if (images.length) {
        event.preventDefault();
        images.forEach(upload);
      }
    });
    body.addEventListener('paste', function (event) {
      var images = imagesIn(event.clipboardData);
      if (images.length) {
        event.preventDefault();
        images.forEach(upload);
      }
    });
  }

  // ---- completion in comma-separated lists: suggest the rest of the list with each known name

  function complete(input, datalist) {
    var known = Array.prototype.map.call(datalist.options, function (o) { return o.value; });
    input.addEventListener('input', function () {
      var parts = input.value.split(',');
      var typed = parts.pop().trim().toLowerCase();
      var chosen = parts.map(function (s) { return s.trim(); }).filter(function (s) { return s; });
      var prefix = chosen.length ? chosen.join(', ') + ', ' : '';
      datalist.textContent = '';
      known.filter(function (name) {
        return chosen.indexOf(name) < 0 && name.toLowerCase().indexOf(typed) >= 0;
      }).slice(0, 20).forEach(function (name) {
        var option = document.createElement('option');
        option.value = prefix + name;
        datalist.appendChild(option);
      });
    });
  }

  complete(form.elements.tags, document.getElementById('tag-list'));
  complete(form.elements.authors, document.getElementById('author-list'));

  // ---- shortcuts

  document.addEventListener('keydown', function (event) {
    var command = event.ctrlKey || event.metaKey;
    if (command && !event.shiftKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (!readOnly) {
        form.requestSubmit(document.getElementById('save'));
      }
    } else if (command && event.shiftKey && event.key.toLowerCase() === 'p') {
      event.preventDefault();
      refreshPreview();
      say('Preview updated');
    }
  });
})();
