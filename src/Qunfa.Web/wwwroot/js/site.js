// Progressive enhancement only: every form works without script.
document.addEventListener('DOMContentLoaded', () => {
    // Fields that belong to one carrier choice are shown only for it.
    const carrierInputs = document.querySelectorAll('input[name="Input.Carrier"]');
    const toggleCarrier = () => {
        const chosen = document.querySelector('input[name="Input.Carrier"]:checked');
        document.querySelectorAll('[data-carrier-note]').forEach(el => {
            el.hidden = !chosen || el.dataset.carrierNote !== chosen.value;
        });
        // The sandbox fills blank Alibaba fields itself, so their messages from an Alibaba attempt no longer apply.
        const sandbox = chosen?.value === 'Sandbox';
        document.querySelectorAll('[data-aliyun-fields]').forEach(set => {
            set.querySelectorAll('.field-validation-error').forEach(e => { e.hidden = sandbox; });
            set.querySelectorAll('.is-invalid, .input-validation-error, [data-was-invalid]').forEach(input => {
                if (sandbox) { input.dataset.wasInvalid = ''; input.classList.remove('is-invalid', 'input-validation-error'); }
                else if ('wasInvalid' in input.dataset) { delete input.dataset.wasInvalid; input.classList.add('is-invalid', 'input-validation-error'); }
            });
        });
    };
    carrierInputs.forEach(i => i.addEventListener('change', toggleCarrier));
    toggleCarrier();

    // 编辑 next to a masked secret reveals an empty field to type the replacement.
    document.querySelectorAll('[data-replace-secret]').forEach(button => {
        button.addEventListener('click', () => {
            const target = document.getElementById(button.dataset.replaceSecret);
            if (target) { target.hidden = false; target.querySelector('input')?.focus(); }
            button.hidden = true;
        });
    });

    // Logo preview before upload.
    const logo = document.querySelector('input[type=file][data-preview]');
    if (logo) {
        logo.addEventListener('change', () => {
            const img = document.getElementById(logo.dataset.preview);
            const file = logo.files && logo.files[0];
            if (!img || !file) return;
            // A data: URL, which the CSP already allows for images; allowing blob: would widen it for every page.
            const reader = new FileReader();
            reader.addEventListener('load', () => { img.src = reader.result; img.hidden = false; });
            reader.readAsDataURL(file);
        });
    }
});

// 获取验证码: after a code was sent the button waits out the 60 seconds the server enforces anyway.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('button[data-countdown]').forEach(button => {
        let left = parseInt(button.dataset.countdown || '0', 10);
        if (!left) return;
        const label = button.textContent;
        const unit = document.documentElement.lang.startsWith('en') ? 's' : '秒';
        button.disabled = true;
        const tick = () => {
            if (left <= 0) { button.disabled = false; button.textContent = label; return; }
            button.textContent = `${left}${unit}`;
            left -= 1;
            setTimeout(tick, 1000);
        };
        tick();
    });
});

// Forms that change something irreversibly ask first (data-confirm holds the question).
document.addEventListener('submit', event => {
    const question = event.target instanceof HTMLFormElement ? event.target.dataset.confirm : undefined;
    if (question && !window.confirm(question)) event.preventDefault();
});

// Live length and segment count under a template's content (SPEC: 70 for one, then 67 each, 500 at most).
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('textarea[data-segment-counter]').forEach(area => {
        const output = document.getElementById(area.dataset.segmentCounter);
        const signSelect = document.getElementById(area.dataset.signSource || '');
        if (!output) return;
        const english = document.documentElement.lang.startsWith('en');
        const update = () => {
            const sign = signSelect && signSelect.value ? `【${signSelect.value}】` : '';
            const length = [...(sign + area.value)].length;
            const segments = length === 0 ? 0 : length <= 70 ? 1 : Math.ceil(length / 67);
            output.textContent = english
                ? `${length} characters incl. signature, ${segments} segment(s)${length > 500 ? ' — over 500, too long' : ''}`
                : `含签名共 ${length} 字，计 ${segments} 条${length > 500 ? '，超过500字' : ''}`;
            output.classList.toggle('text-danger', length > 500);
        };
        area.addEventListener('input', update);
        signSelect?.addEventListener('change', update);
        update();
    });
});

// 发送短信: while a number list is uploaded and checked, show how many rows the server has read so far.
// The form still posts normally; this page keeps running until the answer arrives.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('form[data-recipient-progress]').forEach(form => {
        form.addEventListener('submit', event => {
            if (event.defaultPrevented) return;
            const panel = document.getElementById(form.dataset.recipientProgress);
            const field = form.querySelector('input[name="Input.ProgressId"]');
            if (!panel || !field || !window.crypto?.getRandomValues) return;
            const bytes = new Uint8Array(12);
            window.crypto.getRandomValues(bytes);
            const id = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
            field.value = id;
            const text = panel.querySelector('[data-progress-text]');
            panel.hidden = false;
            text.textContent = panel.dataset.uploading;
            form.querySelectorAll('button[type=submit]').forEach(b => { b.disabled = true; });
            const poll = async () => {
                try {
                    const response = await fetch(panel.dataset.url + id, { credentials: 'same-origin', cache: 'no-store' });
                    if (response.ok) {
                        const state = await response.json();
                        if (state.rows > 0) text.textContent = panel.dataset.reading.replace('{0}', state.rows.toLocaleString());
                    }
                } catch { /* the page is being replaced by the answer */ }
                setTimeout(poll, 400);
            };
            setTimeout(poll, 400);
        });
    });
});
