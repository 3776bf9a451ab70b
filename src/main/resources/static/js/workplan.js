// Workplan: behaviour that pages share. Loaded on every page; no inline scripts (the CSP forbids them).
(function () {
    'use strict';

    // The account form: offer the office for office staff and the school for principals only.
    function syncUserScope() {
        var role = document.getElementById('role');
        var office = document.getElementById('officeId');
        var school = document.getElementById('schoolId');
        if (!role || !office || !school) {
            return;
        }
        office.closest('.mb-3').hidden = role.value !== 'OFFICE_STAFF';
        school.closest('.mb-3').hidden = role.value !== 'PRINCIPAL';
    }

    document.addEventListener('DOMContentLoaded', function () {
        syncUserScope();
        var role = document.getElementById('role');
        if (role) {
            role.addEventListener('change', syncUserScope);
        }
    });
})();
