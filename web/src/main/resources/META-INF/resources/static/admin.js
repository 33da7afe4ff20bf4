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
  var previewsAsked = 0;
  var autosaveTimer = null;
  var autosaving = null;

  // The script's own words, in the page's language (the pages' words come from the server).
  var WORDS = {
    en: {
      changed: 'Changed', keeping: 'Keeping your changes…', kept: 'Changes kept at {0}; Save makes a revision.',
      created: 'Draft created at {0}; Save makes a revision.', notKept: 'Not kept: {0}',
      needsTitle: 'Not kept yet: give the post a title.', previewNeedsTitle: 'Give the post a title to see its preview.',
      uploading: 'Uploading {0}…', uploaded: 'Uploaded {0}', notUploaded: 'Not uploaded: {0}',
      mayNotUpload: 'Your role may not upload images.', previewUpdated: 'Preview updated',
      answered: 'The server answered {0}'
    },
    zh: {
      changed: '已修改', keeping: '正在暂存你的修改…', kept: '修改已于 {0} 暂存；点“保存”生成修订。',
      created: '草稿已于 {0} 创建；点“保存”生成修订。', notKept: '未能暂存：{0}',
      needsTitle: '尚未暂存：请先填写标题。', previewNeedsTitle: '填写标题后即可预览。',
      uploading: '正在上传 {0}…', uploaded: '已上传 {0}', notUploaded: '上传失败：{0}',
      mayNotUpload: '你的角色不能上传图片。', previewUpdated: '预览已刷新', answered: '服务器返回 {0}'
    }
  };
  var words = WORDS[(form.dataset.lang || 'en').slice(0, 2)] || WORDS.en;

  function t(key, value) {
    return words[key].replace('{0}', value === undefined ? '' : value);
  }

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

  /** The form as the API takes it; the server writes the file, so preview, autosave and save agree. */
  function edit() {
    return { fields: fields(), frontMatter: form.elements.frontMatter.value };
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
          var error = new Error(json.error || t('answered', response.status));
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
      preview.srcdoc = previewDocument('<main><p class="meta">' + escapeHtml(t('previewNeedsTitle')) + '</p></main>');
      return;
    }
    var asked = ++previewsAsked;
    // The post's writers count on the server: a contributor's draft previews cleaned, as it will be saved.
    var url = '/api/admin/posts/preview' + (postId ? '?post=' + encodeURIComponent(postId) : '');
    api('POST', url, edit()).then(function (rendered) {
      if (asked !== previewsAsked) {
        return; // a newer preview is on its way; an older answer arriving late must not replace it
      }
      preview.srcdoc = previewDocument('<main><article class="post"><h1>' + escapeHtml(title.value) + '</h1>\n'
        + '<div class="post-body">\n' + rendered.html + '\n</div></article></main>');
    }, function (error) {
      if (asked !== previewsAsked) {
        return;
      }
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
    var status = document.getElementById('post-status');
    status.textContent = status.dataset.draft;
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
      say(t('needsTitle'));
      return;
    }
    unkept = false;
    say(t('keeping'));
    var created = !postId;
    var request = postId
      ? api('PUT', '/api/admin/posts/' + postId + '/autosave', Object.assign(edit(), { version: Number(version.value) }))
      : api('POST', '/api/admin/posts', edit()).then(becomePost);
    autosaving = request.then(function () {
      say(t(created ? 'created' : 'kept', clock()));
    }, function (error) {
      unkept = true;
      say(t('notKept', error.message));
    }).then(function () {
      autosaving = null;
    });
  }

  function changed() {
    unkept = true;
    say(t('changed'));
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
    if (autosaving) {
      // Let the autosave in flight land first: a new draft is saved into rather than created twice, and an
      // autosave can never arrive after the save and outlive it.
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
      say(t('mayNotUpload'));
      return;
    }
    var data = new FormData();
    data.append('file', file, file.name || 'pasted.png');
    data.append('alt', altText(file));
    say(t('uploading', file.name || ''));
    fetch('/api/admin/media', {
      method: 'POST', credentials: 'same-origin', body: data,
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          throw new Error(json.error || t('answered', response.status));
        }
        return json;
      });
    }).then(function (uploaded) {
      insertAtCursor(uploaded.markdown);
      say(t('uploaded', uploaded.url));
      refreshPreview();
    }, function (error) {
      say(t('notUploaded', error.message));
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
      say(t('previewUpdated'));
    }
  });
})();
