// Workplan: behaviour that pages share. Loaded on every page; no inline scripts (the CSP forbids them).
(function () {
    'use strict';

    function csrfHeaders() {
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        var headers = {};
        if (token && header) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    // htmx requests carry the CSRF token like every form does.
    document.addEventListener('htmx:configRequest', function (event) {
        var headers = csrfHeaders();
        Object.keys(headers).forEach(function (name) {
            event.detail.headers[name] = headers[name];
        });
    });

    // Forms whose button asks for confirmation (delete, close).
    document.addEventListener('submit', function (event) {
        var button = event.submitter || event.target.querySelector('[data-confirm]');
        var message = button && button.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });

    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-print]')) {
            window.print();
        }
    });

    // The account form: offer the office for office staff and the school for principals only.
    function syncUserScope() {
        var role = document.getElementById('role');
        var office = document.getElementById('officeId');
        var school = document.getElementById('schoolId');
        if (!role || !office || !school || !document.getElementById('displayName')) {
            return;
        }
        office.closest('.mb-3').hidden = role.value !== 'OFFICE_STAFF';
        school.closest('.mb-3').hidden = role.value !== 'PRINCIPAL';
    }

    // The item form: responsible schools in bulk (all, none, by kind, by township) and the deadline parts.
    function countSchools() {
        var count = document.getElementById('selected-school-count');
        if (count) {
            count.textContent = document.querySelectorAll('.school-grid input[type=checkbox]:checked').length;
        }
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-school-select]');
        if (!button) {
            return;
        }
        var mode = button.getAttribute('data-school-select');
        var value = button.getAttribute('data-value');
        document.querySelectorAll('.school-grid input[type=checkbox]').forEach(function (box) {
            if (mode === 'all') {
                box.checked = true;
            } else if (mode === 'none') {
                box.checked = false;
            } else if (box.getAttribute('data-' + mode) === value) {
                box.checked = true;
            }
        });
        countSchools();
    });

    document.addEventListener('change', function (event) {
        if (event.target.closest('.school-grid')) {
            countSchools();
        }
        if (event.target.id === 'deadlineKind') {
            syncDeadline();
        }
        if (event.target.id === 'role') {
            syncUserScope();
        }
        // choosers that show what they choose at once (the dashboards' plan, township and target)
        if (event.target.hasAttribute('data-submit-on-change') && event.target.form) {
            event.target.form.submit();
        }
    });

    function syncDeadline() {
        var kind = document.getElementById('deadlineKind');
        if (!kind) {
            return;
        }
        document.querySelectorAll('.deadline-part').forEach(function (part) {
            part.hidden = part.getAttribute('data-deadline-kind') !== kind.value;
        });
    }

    // The outline editor: drag and drop, the "move to" dialog, Alt+Up / Alt+Down on a focused row.
    function postAndSwap(url, data) {
        var headers = csrfHeaders();
        headers['HX-Request'] = 'true';
        return fetch(url, {method: 'POST', headers: headers, body: data, credentials: 'same-origin'})
            .then(function (response) {
                if (response.headers.get('HX-Redirect')) {
                    window.location = response.headers.get('HX-Redirect');
                    return null;
                }
                return response.text();
            })
            .then(function (html) {
                var outline = document.getElementById('outline');
                if (html === null || !outline) {
                    return;
                }
                outline.outerHTML = html;
                var fresh = document.getElementById('outline');
                if (window.htmx) {
                    window.htmx.process(fresh);
                }
                initOutline();
            });
    }

    /** The id of the node a row, button or list belongs to ('' for the top level). */
    function nodeIdOf(element) {
        var node = element.closest('.outline-node');
        return node ? node.id.substring('node-'.length) : '';
    }

    function moveUrl(planId, nodeId) {
        return '/plans/' + planId + '/nodes/' + nodeId + '/move';
    }

    function initOutline() {
        var outline = document.getElementById('outline');
        if (!outline || !outline.classList.contains('outline-arrangeable') || !window.Sortable) {
            return;
        }
        var planId = outline.getAttribute('data-plan-id');
        outline.querySelectorAll('.outline-list').forEach(function (list) {
            window.Sortable.create(list, {
                group: {
                    name: 'outline',
                    put: function (to, from, dragged) {
                        return to.el.getAttribute('data-accepts').split(',').indexOf(dragged.getAttribute('data-kind')) >= 0;
                    }
                },
                handle: '.drag-handle',
                // pointer events rather than the browser's own drag and drop: works the same with a mouse, a
                // finger on a tablet, and the browser tests' synthetic pointer
                forceFallback: true,
                animation: 150,
                fallbackOnBody: true,
                swapThreshold: 0.65,
                onEnd: function (event) {
                    if (event.from === event.to && event.oldIndex === event.newIndex) {
                        return;
                    }
                    var data = new FormData();
                    data.append('parentId', nodeIdOf(event.to));
                    data.append('index', event.newIndex);
                    postAndSwap(moveUrl(planId, nodeIdOf(event.item)), data);
                }
            });
        });
    }

    // The row's up, down and delete buttons: one URL pattern, the node's id from its row.
    document.addEventListener('click', function (event) {
        var button = event.target.closest('.outline-action');
        var outline = document.getElementById('outline');
        if (!button || !outline || !window.htmx) {
            return;
        }
        var node = button.closest('.outline-node');
        var action = button.getAttribute('data-action');
        if (action === 'delete') {
            var row = node.querySelector('.outline-row');
            var name = row.querySelector('.outline-number').textContent
                + row.querySelector('.outline-headline > a, .outline-headline > span').textContent;
            if (!window.confirm(outline.getAttribute('data-delete-confirm').replace('{0}', name))) {
                return;
            }
        }
        var url = '/plans/' + outline.getAttribute('data-plan-id') + '/nodes/' + nodeIdOf(node) + '/' + action;
        window.htmx.ajax('POST', url, {target: '#outline', swap: 'outerHTML'});
    });

    document.addEventListener('click', function (event) {
        var button = event.target.closest('.move-to');
        var dialog = document.getElementById('move-dialog');
        if (!button || !dialog || !window.bootstrap) {
            return;
        }
        var form = document.getElementById('move-form');
        form.setAttribute('data-node-id', button.getAttribute('data-node-id'));
        var kind = button.getAttribute('data-kind');
        form.querySelectorAll('#move-parent option').forEach(function (option) {
            var parentKind = option.getAttribute('data-kind');
            option.hidden = kind === 'SECTION' ? parentKind !== 'CHAPTER' : parentKind === null;
        });
        window.bootstrap.Modal.getOrCreateInstance(dialog).show();
    });

    document.addEventListener('submit', function (event) {
        if (event.target.id !== 'move-form') {
            return;
        }
        event.preventDefault();
        var form = event.target;
        var data = new FormData(form);
        window.bootstrap.Modal.getOrCreateInstance(document.getElementById('move-dialog')).hide();
        postAndSwap(moveUrl(form.getAttribute('data-plan-id'), form.getAttribute('data-node-id')), data);
    });

    document.addEventListener('keydown', function (event) {
        var row = event.target.closest && event.target.closest('.outline-row');
        if (!row || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) {
            return;
        }
        var button = row.querySelector(event.key === 'ArrowUp' ? '.move-up' : '.move-down');
        if (button) {
            event.preventDefault();
            var id = row.closest('.outline-node').id;
            button.click();
            document.addEventListener('htmx:afterSettle', function refocus() {
                document.removeEventListener('htmx:afterSettle', refocus);
                var moved = document.getElementById(id);
                if (moved) {
                    moved.querySelector('.outline-row').focus();
                }
            });
        }
    });

    document.addEventListener('htmx:afterSettle', function (event) {
        if (event.target.id === 'outline' || event.target.querySelector && event.target.querySelector('#outline')) {
            initOutline();
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        syncUserScope();
        syncDeadline();
        countSchools();
        initOutline();
    });
})();

// The progress report form: the percentage slider and field move together; what is typed is kept in this
// browser until the server has it, so that a dropped connection on a phone loses nothing.
(function () {
    'use strict';

    function initReportForm() {
        var periods = document.getElementById('period-switch');
        if (periods) {
            periods.addEventListener('change', function () {
                window.location.href = periods.value;
            });
        }
        var saved = document.querySelector('[data-draft-saved]');
        if (saved && window.localStorage) {
            window.localStorage.removeItem(saved.getAttribute('data-draft-saved'));
        }
        var form = document.getElementById('report-form');
        if (!form) {
            return;
        }
        var range = document.getElementById('percent-range');
        var percent = document.getElementById('percent');
        range.addEventListener('input', function () {
            percent.value = range.value;
        });
        percent.addEventListener('input', function () {
            range.value = percent.value;
        });
        var key = form.getAttribute('data-draft-key');
        var store = window.localStorage;
        if (!store || !key) {
            return;
        }
        var fields = function () {
            return Array.prototype.filter.call(form.elements, function (field) {
                return field.name && field.type !== 'file' && field.type !== 'hidden' && field.type !== 'submit';
            });
        };
        var kept = null;
        try {
            kept = JSON.parse(store.getItem(key) || 'null');
        } catch (e) {
            store.removeItem(key);
        }
        // restore only a draft typed over the version this page shows, and only on a page without errors
        if (kept && kept.version === (form.getAttribute('data-version') || '') && !form.querySelector('.is-invalid, #form-errors')) {
            var changed = false;
            fields().forEach(function (field) {
                if (!(field.name in kept.values)) {
                    return;
                }
                if (field.type === 'radio') {
                    var checked = kept.values[field.name] === field.value;
                    changed = changed || field.checked !== checked;
                    field.checked = checked;
                } else if (field.value !== kept.values[field.name]) {
                    field.value = kept.values[field.name];
                    changed = true;
                }
            });
            range.value = percent.value;
            if (changed) {
                document.getElementById('draft-restored').classList.remove('d-none');
            }
        }
        form.addEventListener('input', function () {
            var values = {};
            fields().forEach(function (field) {
                if (field.type !== 'radio' || field.checked) {
                    values[field.name] = field.value;
                }
            });
            store.setItem(key, JSON.stringify({version: form.getAttribute('data-version') || '', values: values}));
        });
    }

    document.addEventListener('DOMContentLoaded', initReportForm);
    // Drafted reports: each paragraph's box grows with its text, so that the editor reads like the document; leaving
    // the page with unsaved edits asks first.
    function grow(area) {
        area.style.height = 'auto';
        area.style.height = (area.scrollHeight + 2) + 'px';
    }

    document.addEventListener('input', function (event) {
        var target = event.target;
        if (target.matches && target.matches('textarea[data-autogrow]')) {
            grow(target);
        }
        var editor = target.closest && target.closest('#summary-form');
        if (editor) {
            editor.setAttribute('data-dirty', 'true');
        }
    });

    document.addEventListener('submit', function (event) {
        if (event.target.id === 'summary-form') {
            event.target.removeAttribute('data-dirty');
        }
    });

    window.addEventListener('beforeunload', function (event) {
        if (document.querySelector('#summary-form[data-dirty]')) {
            event.preventDefault();
            event.returnValue = '';
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('textarea[data-autogrow]').forEach(grow);
    });
})();
